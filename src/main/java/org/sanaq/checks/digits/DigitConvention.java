package org.sanaq.checks.digits;

import java.util.List;
import java.util.Locale;

import org.sanaq.checks.Parameter;

/**
 * Which convention the last-digit and round-percentage statistics follow, the {@code convention}
 * parameter of {@code digit_tests}.
 *
 * <p>{@link #SANAQ}, the default: LastC and C05s over the counts of at least 10, P05s over bases of at least
 * {@code min_percent_base}, each against the row's own smooth expectation ({@link SmoothCountLaw}, issue 16),
 * because the last digits of small counts are not uniform (a count of 3 has no digit but 3, and a minor candidate's
 * counts fall steeply) and a precinct of 20 ballots can only show multiples of 5 %.
 *
 * <p>{@link #EFTOOLKIT}: as Mebane and Kalinin's Election Forensics Toolkit computes them, so that the table can be
 * set beside its numbers: the last digit of every count, 0 to 9 included (counts below 10 too), with the uniform
 * expectation (LastC 4.5, C05s 0.2), and P05s over every unit whatever its base, expected 0.2
 * ({@link UniformDigitNull}). The other statistics do not change.
 */
enum DigitConvention {
    SANAQ, EFTOOLKIT;

    static final Parameter<DigitConvention> PARAMETER = Parameter.of("convention", "sanaq",
            p -> valueOf(p.choice("convention", List.of("sanaq", "eftoolkit")).toUpperCase(Locale.ROOT)));

    /** Whether a statistic is computed over all counts (or all bases) against uniform digits under this convention. */
    boolean uniform(DigitStatistic statistic) {
        return this == EFTOOLKIT && UniformDigitNull.STATISTICS.contains(statistic);
    }

    /** The smallest base whose proportion enters P05s: the job's minimum, or every base (1) under EFToolkit's. */
    int minPercentBase(int asked) {
        return this == EFTOOLKIT ? 1 : asked;
    }

    /** The message key of a sentence or title that names the convention: the sanaq key, or its EFToolkit variant. */
    String key(String key) {
        return this == EFTOOLKIT ? key + "_eftoolkit" : key;
    }
}
