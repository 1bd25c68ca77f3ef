package org.sanaq.results;

/**
 * What a finding amounts to: how many votes, precincts or published figures it concerns, of how many, and how that
 * amount was obtained. The report states it on the finding's card ("about 10.3 million votes, 18.4 % of the
 * leader's votes") and ranks findings by it ({@code report.Ranking}); a statistic that measures no amount (a digit
 * test's mean) gives no effect.
 *
 * @param amount the votes, precincts or figures concerned (an estimate or an excess over chance may be fractional)
 * @param unit what {@code amount} counts
 * @param of the total it is a part of (the candidate's votes, the precincts tested, the figures published); null
 *     when the check does not know it
 * @param basis how the amount was obtained
 */
public record Effect(double amount, Unit unit, Double of, Basis basis) {

    /** What an effect counts. */
    public enum Unit {
        VOTES, PRECINCTS, FIGURES
    }

    /** How an effect's amount was obtained: the kind of evidence behind the finding. */
    public enum Basis {
        /** Counted from the documents themselves: protocols that contradict their own arithmetic or their copies. */
        DOCUMENTS,
        /** An excess over what an exact test's null (honest counting) expects. */
        TEST,
        /** A model's estimate, which holds only as far as the model's assumption does. */
        ESTIMATE
    }

    public Effect {
        if (unit == null || basis == null) {
            throw new IllegalArgumentException("an effect needs its unit and basis");
        }
    }

    /** Its part of {@code of}, 0 to 1 (or beyond, for an excess), or null when the total is unknown or zero. */
    public Double share() {
        return of == null || of == 0 || !Double.isFinite(amount) ? null : Math.abs(amount) / of;
    }

    /** Votes counted from the documents. */
    public static Effect votes(double amount, Double of) {
        return new Effect(amount, Unit.VOTES, of, Basis.DOCUMENTS);
    }

    /** Precincts (protocols) counted from the documents. */
    public static Effect precincts(double amount, Double of) {
        return new Effect(amount, Unit.PRECINCTS, of, Basis.DOCUMENTS);
    }
}
