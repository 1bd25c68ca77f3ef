package org.sanaq.checks;

import java.util.List;
import java.util.Map;

import org.sanaq.results.CheckDescription;
import org.sanaq.results.CheckOutcome;
import org.sanaq.text.Messages;

/**
 * A forensic check. It plans how its results are computed from the protocols ({@link Plan}: most checks fold typed
 * summaries in the run's one shared pass, see {@link ProtocolFold}) and judges those results, typed, in plain Java.
 * Presentation is not its business: it returns metrics, findings, detail tables and the kinds of charts it wants.
 *
 * <p>To add a check: one class implementing this, one line in {@link CheckCatalog}, one test fixture.
 *
 * @param <T> the results its judge receives
 */
public interface Check<T> {

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

    /**
     * How this check's results are computed; {@code facts} are what the run's first pass learnt of the elections'
     * precincts (their leader, say).
     */
    Plan<T> plan(CheckContext context, ElectionFacts facts);

    /** Turns the check's results into an outcome. Pure: no Spark. */
    CheckOutcome judge(CheckContext context, T results);
}
