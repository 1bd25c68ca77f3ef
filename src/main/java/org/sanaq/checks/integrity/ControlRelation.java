package org.sanaq.checks.integrity;

import static org.apache.spark.sql.functions.abs;
import static org.apache.spark.sql.functions.aggregate;
import static org.apache.spark.sql.functions.array_max;
import static org.apache.spark.sql.functions.array_min;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.least;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.map_entries;
import static org.apache.spark.sql.functions.map_values;
import static org.apache.spark.sql.functions.size;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.transform;
import static org.apache.spark.sql.functions.when;

import java.util.ArrayList;
import java.util.List;

import org.apache.spark.sql.Column;
import org.sanaq.schema.Field;
import org.sanaq.schema.ProtocolColumns;
import org.sanaq.schema.ProtocolSchema;

/**
 * A control relation that one protocol must satisfy, as Spark expressions: the two sides, when the relation applies
 * (every line it needs is reported), and when it is broken. A balance is broken when its sides differ, an inequality
 * when the left side exceeds the right (or, for counts, falls below zero). The built-in relations of METHODS.md §1
 * ({@link #builtIn}) are described in words by the message {@code protocol_integrity.relation.<id>}; a job adds its
 * own ({@link DeclaredRelation}). Built on the driver for the fold's inputs; never serialised.
 */
final class ControlRelation {
    /** How the two sides must compare. */
    enum Kind {
        BALANCE, AT_MOST, AT_LEAST
    }

    /** How many inputs {@link #inputs} gives. */
    static final int INPUTS = 7;

    private final String id;
    private final Column left;
    private final Column right;
    private final Kind kind;
    /** A condition besides both sides being reported (the protocol names an option), or null. */
    private final Column alsoNeeds;
    /** The option the relation is about, or null when it names none. */
    private final Column subject;

    ControlRelation(String id, Column left, Column right, Kind kind, Column alsoNeeds, Column subject) {
        this.id = id;
        this.left = left;
        this.right = right;
        this.kind = kind;
        this.alsoNeeds = alsoNeeds;
        this.subject = subject;
    }

    /** A relation between two sides that needs no more than both reported and names no option. */
    ControlRelation(String id, Column left, Column right, Kind kind) {
        this(id, left, right, kind, null, null);
    }

    /** The relations every protocol is checked against, in the order their counts are listed. */
    static List<ControlRelation> builtIn() {
        Column hasOptions = size(col(ProtocolSchema.VOTES)).gt(0);
        Column mostVoted = array_max(transform(map_entries(col(ProtocolSchema.VOTES)),
                e -> struct(e.getField("value").as("v"), e.getField("key").as("k")))).getField("k");
        return List.of(
                new ControlRelation("received_balance", ProtocolColumns.field(Field.BALLOTS_RECEIVED),
                        ProtocolColumns.field(Field.BALLOTS_ISSUED_EARLY)
                                .plus(ProtocolColumns.field(Field.BALLOTS_ISSUED_IN_STATION))
                                .plus(ProtocolColumns.field(Field.BALLOTS_ISSUED_OUTSIDE))
                                .plus(ProtocolColumns.field(Field.BALLOTS_CANCELLED))
                                .plus(ProtocolColumns.field(Field.BALLOTS_LOST))
                                .minus(ProtocolColumns.field(Field.BALLOTS_UNACCOUNTED)), Kind.BALANCE),
                new ControlRelation("boxes_balance", ProtocolColumns.ballotsCast(),
                        ProtocolColumns.field(Field.INVALID).plus(ProtocolColumns.field(Field.VALID)), Kind.BALANCE),
                new ControlRelation("valid_sum", ProtocolColumns.field(Field.VALID),
                        aggregate(map_values(col(ProtocolSchema.VOTES)), lit(0L), (sum, v) -> sum.plus(v)),
                        Kind.BALANCE, hasOptions, null),
                // A protocol with no registered voters has no standing list to compare with (Georgia's abroad and
                // special precincts publish 0 and issue hundreds of ballots to voters listed on the day): the
                // relation does not apply to it, rather than breaking at every such precinct.
                new ControlRelation("issued_le_registered", ProtocolColumns.ballotsIssued(),
                        ProtocolColumns.field(Field.REGISTERED), Kind.AT_MOST,
                        ProtocolColumns.field(Field.REGISTERED).gt(0), null),
                new ControlRelation("boxes_le_issued", ProtocolColumns.ballotsCast(), ProtocolColumns.ballotsIssued(),
                        Kind.AT_MOST),
                new ControlRelation("option_le_valid", array_max(map_values(col(ProtocolSchema.VOTES))),
                        ProtocolColumns.field(Field.VALID), Kind.AT_MOST, hasOptions, mostVoted),
                // Ingest stores counts as whole numbers and quarantines negative or fractional ones, so this cannot
                // fail on ingested data; it is computed all the same (over the smallest count of each protocol) and
                // so counted as checked.
                new ControlRelation("counts_non_negative", smallestCount(), lit(0L), Kind.AT_LEAST));
    }

    String id() {
        return id;
    }

    /**
     * What a fold reads of a protocol for this relation, in order: whether it applies, whether it is broken, the
     * subject, the left and right sides and their difference as text, and |difference| as a double (the gap that
     * orders the worst first). The last five only where the relation is broken: the worst cases need no more.
     */
    List<Column> inputs() {
        Column broken = broken();
        Column difference = left.minus(right);
        return List.of(applies(), broken, when(broken, subject == null ? lit(null).cast("string") : subject),
                when(broken, left.cast("string")), when(broken, right.cast("string")),
                when(broken, difference.cast("string")), when(broken, abs(difference).cast("double")));
    }

    /** Whether the protocol reports every line the relation needs (and, for votes, has at least one option). */
    private Column applies() {
        Column both = left.isNotNull().and(right.isNotNull());
        return alsoNeeds == null ? both : both.and(alsoNeeds);
    }

    /** Whether the relation applies and is broken. */
    private Column broken() {
        Column off = switch (kind) {
            case BALANCE -> left.notEqual(right);
            case AT_MOST -> left.gt(right);
            case AT_LEAST -> left.lt(right);
        };
        return applies().and(off);
    }

    private static Column smallestCount() {
        List<Column> counts = new ArrayList<>();
        for (Field f : Field.values()) {
            if (f.kind() == Field.Kind.COUNT) {
                counts.add(ProtocolColumns.field(f));
            }
        }
        counts.add(array_min(map_values(col(ProtocolSchema.VOTES))));
        // least skips nulls; a protocol with no count at all has nothing to check and counts as 0.
        return coalesce(least(counts.toArray(Column[]::new)), lit(0L));
    }
}
