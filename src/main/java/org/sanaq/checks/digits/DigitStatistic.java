package org.sanaq.checks.digits;

/**
 * The statistics of METHODS.md §3 with their metric names (FORMATS.md), the sample each is computed on, the value
 * expected of honest counts, and what may flag: an interval that excludes the expected value (confirmed by the
 * statistic's test after Benjamini–Hochberg), a test's p-value alone, or nothing (reported for comparison with the
 * Election Forensics Toolkit only).
 */
enum DigitStatistic {
    SECOND_DIGIT_MEAN("2bl", Sample.AT_LEAST_10, DigitLaws.SECOND_DIGIT_MEAN, Role.INTERVAL),
    LAST_DIGIT_MEAN("lastc", Sample.AT_LEAST_10, DigitLaws.LAST_DIGIT_MEAN, Role.INTERVAL),
    LAST_ZERO_OR_FIVE("c05s", Sample.AT_LEAST_10, 0.2, Role.INTERVAL),
    PERCENT_ZERO_OR_FIVE("p05s", Sample.PROPORTIONS, 0.2, Role.INTERVAL),
    SKEW("skew", Sample.PROPORTIONS, Double.NaN, Role.REPORTED),
    KURT("kurt", Sample.PROPORTIONS, Double.NaN, Role.REPORTED),
    DIP("dipt_p", Sample.PROPORTIONS, Double.NaN, Role.TEST),
    SOBYANIN("sobyanin", Sample.PROPORTIONS, Double.NaN, Role.REPORTED),
    FIRST_DIGIT_CHI2("benford1_chi2_p", Sample.FIRST_DIGITS, Double.NaN, Role.INFORMATIONAL),
    FIRST_DIGIT_MAD("benford1_mad", Sample.FIRST_DIGITS, Double.NaN, Role.INFORMATIONAL),
    SECOND_DIGIT_CHI2("benford2_chi2_p", Sample.AT_LEAST_10, Double.NaN, Role.TEST),
    LAST_DIGIT_CHI2("lastdigit_chi2_p", Sample.AT_LEAST_10, Double.NaN, Role.TEST),
    REPEATED_PAIRS("repeated_pairs", Sample.AT_LEAST_10, 0.1, Role.INTERVAL),
    ADJACENT_PAIRS("adjacent_pairs", Sample.AT_LEAST_10, 0.2, Role.INTERVAL);

    /** Which values a statistic is computed on; its size is the metric {@code key}. */
    enum Sample {
        FIRST_DIGITS("n_first"), AT_LEAST_10("n_ge10"), PROPORTIONS("n_p");

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
        /** First-digit Benford: shown for completeness, never flags (METHODS.md §3). */
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

    /** The result key of the p-value of the test behind an interval statistic (or the statistic itself). */
    String testP() {
        return role == Role.TEST ? metric : metric + "_test_p";
    }
}
