package org.sanaq.checks;

import java.util.List;
import java.util.Map;

import org.sanaq.results.CheckDescription;
import org.sanaq.results.CheckOutcome;
import org.sanaq.text.Messages;

/**
 * A forensic check. It declares the Spark aggregations it needs (the run computes those of all checks together,
 * one pass per grouping) and judges their small results in plain Java. Presentation is not its business: it
 * returns metrics, findings, detail tables and the kinds of charts it wants.
 *
 * <p>To add a check: one class implementing this, one line in {@link CheckCatalog}, one test fixture.
 */
public interface Check {

    /** The id used in job specs, metrics.csv and findings.json, e.g. {@code round_percentages}. */
    String id();

    /**
     * What the report says about the check whatever its results, in English: the keys {@code <id>.title},
     * {@code .question}, {@code .method} and {@code .caveats} of its message file (reports use the run's language).
     */
    default CheckDescription description() {
        return CheckDescription.of(id(), Messages.of(Messages.FALLBACK));
    }

    /** The check's parameters, each declared once with its default and rule; a job spec may set these and no other. */
    List<Parameter<?>> parameters();

    /** The parameters' defaults, in declaration order. */
    default Map<String, Object> defaults() {
        return Parameter.defaults(parameters());
    }

    /**
     * Checks the parameters a job gives against their declarations; throws with the field's path in the message.
     * A check whose parameters constrain each other adds its own rule after these.
     */
    default void validate(CheckParameters parameters) throws org.sanaq.run.SpecException {
        for (Parameter<?> p : parameters()) {
            p.read(parameters);
        }
    }

    /** The aggregations this check needs over the canonical protocol table. */
    List<Aggregation> aggregations(CheckContext context);

    /** Protocol rows the check names one by one (each bounded by its limit); none unless a check needs them. */
    default List<Selection> selections(CheckContext context) {
        return List.of();
    }

    /** Turns the aggregations' (and selections') results into an outcome. Pure: no Spark. */
    CheckOutcome judge(CheckContext context, AggregationResults results);
}
