package org.sanaq.checks;

import java.io.Serializable;
import java.util.List;
import java.util.Locale;

import org.sanaq.text.Messages;

/**
 * Whether a check reads the stations marked {@code special} (abroad, hospitals, ships, ...): a job-level switch,
 * one parameter {@code special_stations} of the same name and meaning in every check that leaves them out
 * by default (fingerprint, integer_peaks, digit_tests), so that a job can keep them in one check and not another.
 * Either way the check counts them and says so: "left out" or "included".
 */
public enum SpecialStations {
    /** Left out and counted: the default, as METHODS.md §4 excludes them "where the data marks them". */
    EXCLUDE,
    /** Read like every other precinct, and counted. */
    INCLUDE;

    /** The stations marked special that a check left out or included: what its results carry to its judge. */
    public record Count(SpecialStations choice, long stations) implements Serializable {
        /** The metric that gives their number: {@code <prefix>excluded} or {@code <prefix>included}. */
        public String metric(String prefix) {
            return prefix + choice.done();
        }
    }

    /** The parameter every such check declares: {@code special_stations: exclude|include}, default exclude. */
    public static final Parameter<SpecialStations> PARAMETER = Parameter.of("special_stations", "exclude",
            p -> valueOf(p.choice("special_stations", List.of("exclude", "include")).toUpperCase(Locale.ROOT)));

    /** The choice of a check's parameters (which declare {@link #PARAMETER}). */
    public static SpecialStations of(CheckParameters parameters) {
        return parameters.get(PARAMETER);
    }

    public boolean included() {
        return this == INCLUDE;
    }

    /** How the metrics and sentences name what was done with them: "excluded" or "included". */
    public String done() {
        return included() ? "included" : "excluded";
    }

    /**
     * The check's clause that says how many stations marked special were left out or included: its message
     * {@code <check>.special_stations.exclude} or {@code .include}, given the count.
     */
    public String clause(Messages messages, String check, Object count) {
        return messages.format(check + ".special_stations." + name().toLowerCase(Locale.ROOT), count);
    }
}
