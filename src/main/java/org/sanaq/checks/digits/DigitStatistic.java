package org.sanaq.checks.digits;

/**
 * The statistics of METHODS.md §3 with their metric names (FORMATS.md), the sample each is computed on, the value
 * expected of honest counts, and what may flag: an interval that excludes the expected value (confirmed by the
 * statistic's test after Benjamini–Hochberg), a test's p-value alone, or nothing (reported for comparison with the
 * Election Forensics Toolkit only).
 *
 * <p>Choices of issue 6, so that an honest election of the size of a national one (100,000 precincts and more) is
 * not flagged:
 * <ul>
 * <li>2BL and the second-digit chi-square are descriptive, like first-digit Benford: shown with their interval and
 * test p, never flagging, never in Benjamini–Hochberg. Benford's second-digit law is not an honest expectation for
 * bounded precinct counts (Deckert, Myagkov and Ordeshook 2011; Mebane's own caveats): on an honest synthetic
 * election of 1,000,000 precincts the national 2BL of the four candidates and turnout are 4.075 to 4.318 and the
 * regional ones 4.03 to 4.35, against Benford's 4.187, while real Russian data sit at 4.015 to 4.047, inside that
 * honest range.</li>
 * <li>LastC, C05s and the last-digit chi-square are tested against the row's size-aware expectation
 * ({@link LastDigitLaw}), not 4.5, 0.2 and uniform digits: the row carries it ({@link #expectedKey()}).</li>
 * <li>Repeated and adjacent last-two-digit pairs use counts ≥ 100 ({@link Sample#AT_LEAST_100}): for a two-digit
 * count the "last two digits" are the whole count, and the repeated values 11, 22, …, 99 are 11 apart, so counts
 * concentrated in part of 10..99 repeat about 1/11 of the time, not 1/10. Their expectation is the same per-decade
 * law's ({@link LastDigitLaw#pairs}): exactly 0.1 and 0.2 where the density of counts is linear over a century,
 * and it follows the curvature and the cut-off of a minor candidate's steep tail above 100, which the fixed values
 * would not.</li>
 * <li>P05s uses precincts whose base is at least {@code min_percent_base} ({@link Sample#PERCENT_BASE}).</li>
 * </ul>
 */
enum DigitStatistic {
    SECOND_DIGIT_MEAN("2bl", Sample.AT_LEAST_10, DigitLaws.SECOND_DIGIT_MEAN, Role.INFORMATIONAL),
    LAST_DIGIT_MEAN("lastc", Sample.AT_LEAST_10, DigitLaws.LAST_DIGIT_MEAN, Role.INTERVAL),
    LAST_ZERO_OR_FIVE("c05s", Sample.AT_LEAST_10, 0.2, Role.INTERVAL),
    PERCENT_ZERO_OR_FIVE("p05s", Sample.PERCENT_BASE, 0.2, Role.INTERVAL),
    SKEW("skew", Sample.PROPORTIONS, Double.NaN, Role.REPORTED),
    KURT("kurt", Sample.PROPORTIONS, Double.NaN, Role.REPORTED),
    DIP("dipt_p", Sample.PROPORTIONS, Double.NaN, Role.TEST),
    SOBYANIN("sobyanin", Sample.PROPORTIONS, Double.NaN, Role.REPORTED),
    FIRST_DIGIT_CHI2("benford1_chi2_p", Sample.FIRST_DIGITS, Double.NaN, Role.INFORMATIONAL),
    FIRST_DIGIT_MAD("benford1_mad", Sample.FIRST_DIGITS, Double.NaN, Role.INFORMATIONAL),
    SECOND_DIGIT_CHI2("benford2_chi2_p", Sample.AT_LEAST_10, Double.NaN, Role.INFORMATIONAL),
    LAST_DIGIT_CHI2("lastdigit_chi2_p", Sample.AT_LEAST_10, Double.NaN, Role.TEST),
    REPEATED_PAIRS("repeated_pairs", Sample.AT_LEAST_100, 0.1, Role.INTERVAL),
    ADJACENT_PAIRS("adjacent_pairs", Sample.AT_LEAST_100, 0.2, Role.INTERVAL);

    /** Which values a statistic is computed on; its size is the metric {@code key}. */
    enum Sample {
        FIRST_DIGITS("n_first"), AT_LEAST_10("n_ge10"),
        /**
         * Counts with at least three digits, for the last-two-digit pairs: their last two digits are not their
         * leading ones. Both pair sets are symmetric under r → 99 − r (r the last two digits: 11·j ↔ 11·(9 − j),
         * and a pair of neighbours ↔ a pair of neighbours), so a density of counts with a linear slope within a
         * century gives them the same total weight above and below the century's middle, and the slope cancels to
         * first order: 0.1 and 0.2 are the honest expectations there. What is left (curvature, a century only partly
         * filled) is taken from the decade totals ({@link LastDigitLaw#pairs}).
         */
        AT_LEAST_100("n_ge100"),
        PROPORTIONS("n_p"),
        /** Proportions whose base (denominator) is at least {@code min_percent_base}, for P05s. */
        PERCENT_BASE("n_p05");

        final String key;

        Sample(String key) {
            this.key = key;
        }
    }

    /** What a statistic can do in the judgement. */
    enum Role {
        /** A bootstrap interval and a test against the expected value; flags when both say so. */
        INTERVAL,
        /** The statistic is a p-value; flags when it survives Benjamini–Hochberg. */
        TEST,
        /** A bootstrap interval, no expected value: shown, never flags. */
        REPORTED,
        /**
         * Shown for completeness with its interval and test p where it has them, never flags, never enters
         * Benjamini–Hochberg: first-digit Benford (METHODS.md §3), 2BL and the second-digit chi-square (issue 6).
         */
        INFORMATIONAL
    }

    final String metric;
    final Sample sample;
    final double expected;
    final Role role;

    DigitStatistic(String metric, Sample sample, double expected, Role role) {
        this.metric = metric;
        this.sample = sample;
        this.expected = expected;
        this.role = role;
    }

    /** Whether its p-value enters Benjamini–Hochberg. */
    boolean tested() {
        return role == Role.INTERVAL || role == Role.TEST;
    }

    String ciLow() {
        return metric + "_ci_low";
    }

    String ciHigh() {
        return metric + "_ci_high";
    }

    /** The result key of the row's own expected value, where it depends on the row (LastC, C05s). */
    String expectedKey() {
        return metric + "_expected";
    }

    /** The result key of the p-value of the test behind an interval statistic (or the statistic itself). */
    String testP() {
        return role == Role.TEST ? metric : metric + "_test_p";
    }
}
