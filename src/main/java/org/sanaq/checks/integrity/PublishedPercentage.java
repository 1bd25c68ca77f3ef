package org.sanaq.checks.integrity;

import static org.apache.spark.sql.functions.abs;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.udf;
import static org.apache.spark.sql.functions.when;

import java.math.RoundingMode;
import java.util.List;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.api.java.UDF3;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.types.DataTypes;
import org.sanaq.checks.CandidateColumns;
import org.sanaq.checks.roundpct.RoundTarget;
import org.sanaq.schema.Conventions;
import org.sanaq.schema.Field;
import org.sanaq.schema.ProtocolColumns;

/**
 * The published percentages of METHODS.md §1: printed turnout and candidates' shares against the percentage
 * computed from the protocol's own counts (under the job's conventions), rounded as published — to the decimals
 * printed, with the job's rounding rule — by {@link RoundTarget#publishedMatches}, run inside Spark.
 */
enum PublishedPercentage {
    TURNOUT("published_turnout_pct"),
    SHARE("published_share_pct");

    private final String id;

    PublishedPercentage(String id) {
        this.id = id;
    }

    String id() {
        return id;
    }

    /**
     * What a fold reads for this percentage, in order: whether it applies, whether it is broken, the subject
     * ("turnout" or the candidate), the printed figure, the count and base it must match, and the gap in points.
     * Turnout is read of a protocol row, shares of a (protocol, candidate) row. The last five only where the
     * percentage is broken (the gap divides by the base, which Spark's ANSI mode refuses to do by zero).
     */
    List<Column> inputs(Conventions conventions, RoundingMode rounding) {
        Column broken = broken(conventions, rounding);
        return List.of(applies(conventions), broken, when(broken, subject()), when(broken, published()),
                when(broken, count(conventions).cast("long")), when(broken, base(conventions).cast("long")),
                when(broken, gap(conventions).cast("double")));
    }

    private Column published() {
        return this == TURNOUT ? col(Field.PUBLISHED_TURNOUT_PCT.column()) : col(CandidateColumns.CANDIDATE_PCT);
    }

    private Column count(Conventions conventions) {
        return this == TURNOUT ? ProtocolColumns.turnoutNumerator(conventions) : col(CandidateColumns.CANDIDATE_VOTES);
    }

    private Column base(Conventions conventions) {
        return this == TURNOUT ? ProtocolColumns.field(Field.REGISTERED) : ProtocolColumns.shareBase(conventions);
    }

    private Column subject() {
        return this == TURNOUT ? lit("turnout") : col(CandidateColumns.CANDIDATE);
    }

    /** Whether a printed percentage and the counts it must match are all there. */
    private Column applies(Conventions conventions) {
        return published().isNotNull().and(count(conventions).isNotNull()).and(base(conventions).gt(0));
    }

    /** Whether it applies and the printed figure differs from the counts' percentage rounded as printed. */
    private Column broken(Conventions conventions, RoundingMode rounding) {
        return applies(conventions)
                .and(matches(rounding).apply(published(), count(conventions), base(conventions)).equalTo(false));
    }

    /** |printed − computed| in points, in floating point: only for ordering the worst first. */
    private Column gap(Conventions conventions) {
        return abs(published().cast("double").minus(count(conventions).multiply(100.0).divide(base(conventions))));
    }

    private static UserDefinedFunction matches(RoundingMode rounding) {
        // Null-safe on its own: Spark may evaluate a UDF before the conditions beside it in a filter.
        UDF3<String, Long, Long, Boolean> f = (published, count, base) -> published == null || count == null
                || count < 0 || base == null || base <= 0 ? null
                : RoundTarget.publishedMatches(published, count, base, rounding);
        return udf(f, DataTypes.BooleanType).withName("published_pct_matches");
    }
}
