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
 * <li>LastC, C05s, the last-digit chi-square, the repeated and adjacent pairs and P05s are tested against the
 * row's own smooth expectation (issue 16, {@link SmoothCountLaw} and {@link SmoothShareTest}): every tested count
 * value is expected from its neighbours, so a steep but smooth tail is expected and a comb at 0 and 5 is not. They
 * are computed over the values that law can test only, whose number is a sample of its own ({@link #testable}); where
 * fewer than {@code min_count} counts are testable the cell is "not applicable" and never flags. The row carries the
 * expected value ({@link #expectedKey()}).</li>
 * <li>Repeated and adjacent last-two-digit pairs use counts ≥ 100 ({@link Sample#AT_LEAST_100}): for a two-digit
 * count the "last two digits" are the whole count, and the repeated values 11, 22, …, 99 are 11 apart.</li>
 * <li>P05s uses precincts whose base is at least {@code min_percent_base} ({@link Sample#PERCENT_BASE}).</li>
 * <li>The dip test (Hartigan's test of unimodality) is descriptive since issue 16: shown with its p-value, never
 * flagging, never in Benjamini–Hochberg. Unimodality is no property of honest elections: a region mixing towns and
 * villages has several modes of turnout, and a minor candidate's shares pile up at 0 beside a hump at a few percent.
 * On the honest realistic synthetic election of 100,000 precincts it flagged in 40 of 40 seeds, every cell at the
 * floor of its 1,000 simulations (1/1,001).</li>
 * <li>The last-digit chi-square (Beber and Scacco) is descriptive since issue 16: its nine-degree Wald statistic
 * rests on a covariance estimated from the counts themselves, and on honest realistic elections of 20,000 precincts
 * it flagged 5 of 200 seeds at the nominal 0.01 (one-sided 95 % bound 0.052), where LastC and C05s, which test the
 * same last digits with one degree of freedom, flagged 1 of 200 each and found every planted preference.</li>
 * </ul>
 */
enum DigitStatistic {
    SECOND_DIGIT_MEAN("2bl", Sample.AT_LEAST_10, DigitLaws.SECOND_DIGIT_MEAN, Role.INFORMATIONAL),
    LAST_DIGIT_MEAN("lastc", Sample.AT_LEAST_10, Sample.AT_LEAST_10_TESTABLE, DigitLaws.LAST_DIGIT_MEAN,
            Role.INTERVAL),
    LAST_ZERO_OR_FIVE("c05s", Sample.AT_LEAST_10, Sample.AT_LEAST_10_TESTABLE, 0.2, Role.INTERVAL),
    PERCENT_ZERO_OR_FIVE("p05s", Sample.PERCENT_BASE, Sample.PERCENT_BASE_TESTABLE, 0.2, Role.INTERVAL),
    SKEW("skew", Sample.PROPORTIONS, Double.NaN, Role.REPORTED),
    KURT("kurt", Sample.PROPORTIONS, Double.NaN, Role.REPORTED),
    DIP("dipt_p", Sample.PROPORTIONS, Double.NaN, Role.INFORMATIONAL),
    SOBYANIN("sobyanin", Sample.PROPORTIONS, Double.NaN, Role.REPORTED),
    FIRST_DIGIT_CHI2("benford1_chi2_p", Sample.FIRST_DIGITS, Double.NaN, Role.INFORMATIONAL),
    FIRST_DIGIT_MAD("benford1_mad", Sample.FIRST_DIGITS, Double.NaN, Role.INFORMATIONAL),
    SECOND_DIGIT_CHI2("benford2_chi2_p", Sample.AT_LEAST_10, Double.NaN, Role.INFORMATIONAL),
    LAST_DIGIT_CHI2("lastdigit_chi2_p", Sample.AT_LEAST_10, Sample.AT_LEAST_10_CHI_SQUARE_TESTABLE, Double.NaN,
            Role.INFORMATIONAL),
    REPEATED_PAIRS("repeated_pairs", Sample.AT_LEAST_100, Sample.REPEATED_TESTABLE, 0.1, Role.INTERVAL),
    ADJACENT_PAIRS("adjacent_pairs", Sample.AT_LEAST_100, Sample.ADJACENT_TESTABLE, 0.2, Role.INTERVAL);

    /** Which values a statistic is computed on; its size is the metric {@code key}. */
    enum Sample {
        FIRST_DIGITS("n_first"), AT_LEAST_10("n_ge10"),
        /**
         * Counts with at least three digits, for the last-two-digit pairs: their last two digits are not their
         * leading ones.
         */
        AT_LEAST_100("n_ge100"),
        PROPORTIONS("n_p"),
        /** Proportions whose base (denominator) is at least {@code min_percent_base}, for P05s. */
        PERCENT_BASE("n_p05"),
        /** The counts ≥ 10 at values {@link SmoothCountLaw} can test (LastC, C05s). */
        AT_LEAST_10_TESTABLE("n_ge10_testable"),
        /** The counts ≥ 10 at values the last-digit chi-square can test (neighbours of 20 precincts). */
        AT_LEAST_10_CHI_SQUARE_TESTABLE("n_ge10_chi2_testable"),
        /** The counts ≥ 100 at values the law can test for repeated pairs (neighbours outside their set). */
        REPEATED_TESTABLE("n_ge100_repeated_testable"),
        /** The counts ≥ 100 at values the law can test for adjacent pairs. */
        ADJACENT_TESTABLE("n_ge100_adjacent_testable"),
        /** The whole percentages (of P05s's bases) at values 3 % to 97 % the law can test. */
        PERCENT_BASE_TESTABLE("n_p05_testable"),
        /**
         * Every count, 0 included: the sample of LastC and C05s under EFToolkit's convention
         * ({@link UniformDigitNull}), given only under it.
         */
        ALL_COUNTS("n_all");

        final String key;

        Sample(String key) {
            this.key = key;
        }
    }

    /** What a statistic can do in the judgement. */
    enum Role {
        /** A bootstrap interval and a test against the expected value; flags when both say so. */
        INTERVAL,
        /** A bootstrap interval, no expected value: shown, never flags. */
        REPORTED,
        /**
         * Shown for completeness with its interval and test p where it has them, never flags, never enters
         * Benjamini–Hochberg: first-digit Benford (METHODS.md §3), 2BL and the second-digit chi-square (issue 6),
         * the dip test and the last-digit chi-square (issue 16).
         */
        INFORMATIONAL
    }

    final String metric;
    final Sample sample;
    /** The part of the sample a smooth-null statistic can test (the sample itself for the others). */
    final Sample testable;
    final double expected;
    final Role role;

    DigitStatistic(String metric, Sample sample, double expected, Role role) {
        this(metric, sample, sample, expected, role);
    }

    DigitStatistic(String metric, Sample sample, Sample testable, double expected, Role role) {
        this.metric = metric;
        this.sample = sample;
        this.testable = testable;
        this.expected = expected;
        this.role = role;
    }

    /** The sample the statistic is computed on under a convention ({@link DigitConvention}). */
    Sample sample(DigitConvention convention) {
        return convention.uniform(this) ? UniformDigitNull.SAMPLES.get(this) : sample;
    }

    /** The part of that sample its null can test: all of it under the uniform null. */
    Sample testable(DigitConvention convention) {
        return convention.uniform(this) ? sample(convention) : testable;
    }

    /** Whether its p-value enters Benjamini–Hochberg. */
    boolean tested() {
        return role == Role.INTERVAL;
    }

    String ciLow() {
        return metric + "_ci_low";
    }

    String ciHigh() {
        return metric + "_ci_high";
    }

    /** The result key of the row's own expected value, where it depends on the row (LastC, C05s, pairs, P05s). */
    String expectedKey() {
        return metric + "_expected";
    }

    /** The result key of the p-value of the test behind a statistic with an interval. */
    String testP() {
        return metric + "_test_p";
    }
}
