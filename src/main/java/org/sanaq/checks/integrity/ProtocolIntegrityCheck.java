package org.sanaq.checks.integrity;

import static org.apache.spark.sql.functions.col;

import java.util.List;

import org.apache.spark.sql.Column;
import org.sanaq.checks.Check;
import org.sanaq.checks.CheckContext;
import org.sanaq.checks.ElectionFacts;
import org.sanaq.checks.Parameter;
import org.sanaq.checks.Plan;
import org.sanaq.checks.PublishedRounding;
import org.sanaq.results.CheckOutcome;
import org.sanaq.run.LevelTotals;
import org.sanaq.schema.Field;
import org.sanaq.schema.ProtocolSchema;

/**
 * Protocol integrity (METHODS.md §1 and §7): do the protocols add up? Every final protocol of the election, of
 * every level and source, against the control relations ({@link ControlRelation}) and those the job declares
 * ({@link DeclaredRelation}); every printed percentage against its counts ({@link PublishedPercentage}); published
 * units against the sum of the units below ({@link LevelSum}); and election-day turnout reports against the final
 * protocol ({@link ElectionDayReports}).
 * Derived sums (input {@code derived}) are not publications and are left out, except as the final count of §7.
 * Violations are found in the shared pass ({@link IntegrityFold}); only counts per region, the units' figures
 * and the worst cases of each relation reach the driver.
 */
public final class ProtocolIntegrityCheck implements Check<IntegrityResults> {
    public static final String ID = "protocol_integrity";

    @Override
    public String id() {
        return ID;
    }

    static final Parameter<Long> WORST_CASES = Parameter.whole("worst_cases", 1000, 1, 100_000);
    /** The job's own control relations, over count fields and the lines its mappings name ({@link DeclaredRelation}). */
    static final Parameter<List<DeclaredRelation>> RELATIONS = Parameter.of("relations", List.of(),
            p -> DeclaredRelation.parseAll(p.asMap().get("relations"), "checks." + ID + ".relations", p.lines(),
                    IntegrityRelations.builtInIds()));

    @Override
    public List<Parameter<?>> parameters() {
        return List.of(PublishedRounding.PARAMETER, WORST_CASES, RELATIONS);
    }

    /** Final protocols of the election as published: no preliminary reports, no derived sums. */
    static Column finalRows(String election) {
        return col(Field.ELECTION.column()).equalTo(election)
                .and(col(Field.REPORTED_AT.column()).isNull())
                .and(col(ProtocolSchema.INPUT).notEqual(LevelTotals.DERIVED));
    }

    @Override
    public Plan<IntegrityResults> plan(CheckContext context, ElectionFacts facts) {
        int worstCases = context.parameters().get(WORST_CASES).intValue();
        IntegrityRelations relations = IntegrityRelations.of(context.parameters().get(RELATIONS));
        return new Plan.Folded<>(new IntegrityFold(context.election(), context.conventions(),
                PublishedRounding.of(context.parameters()), worstCases, relations),
                finished -> IntegrityResults.of(finished, worstCases, relations));
    }

    @Override
    public CheckOutcome judge(CheckContext context, IntegrityResults results) {
        return new IntegrityJudge(context, results).outcome();
    }
}
