package org.sanaq.results;

import java.util.List;
import java.util.regex.Pattern;

/**
 * One finding of findings.json: the check, where and what it is about, the statistic and its p-values, the
 * verdict, one sentence a reader understands, and the evidence (the protocols or cells that drive it).
 *
 * <p>Scope is {@code national}, or {@code region=<name>} (optionally after {@code source=<id>;}), or
 * {@code district=<region> / <district>}; a flag whose scope names a region gives that region a drill-down page
 * in the report.
 *
 * <p>A sentence leads with the fact and its figures (the second sentence may add the place and size of the
 * largest case), and puts what could explain it after: the report's first page shows a flag as a card whose fact is
 * that lead ({@code report.StoryCard}) beside the check's own words on innocent explanations and limits.
 *
 * <p>A verdict never rests on a number that is not one: a NaN or infinite statistic or p-value is dropped (null in
 * findings.json), and the finding becomes {@link Verdict#INCONCLUSIVE}; a sentence that is blank or prints such a
 * number is replaced by {@link #NOT_A_NUMBER}. The checks say inconclusive in their own words before this, when they
 * have too little to test; this is the guard for what they did not foresee.
 *
 * @param effect what the finding amounts to in votes, precincts or figures ({@link Effect}), by which the report
 *     ranks it beside its strength; null for a finding that measures no amount (a digit statistic, a pass)
 * @param explainedBy the subject of another finding of the same check that accounts for this one (a flag that is
 *     only a by-product of it); null for a finding that stands on its own. The report does not list explained
 *     flags on its first page and labels them as explained.
 * @param placebo how ordinary a flag is under controls from the same data ({@link Placebo}); null where the check
 *     gives none. The report shows it beside the flag and does not list a flag its placebo makes ordinary on its
 *     first page.
 */
public record Finding(String check, String scope, String subject, String statistic, Double value, Double pValue,
        Double pAdjusted, Verdict verdict, String sentence, List<String> evidence, Effect effect, String explainedBy,
        Placebo placebo) {

    /** The sentence of a finding whose own sentence printed a number that is not one. */
    public static final String NOT_A_NUMBER = "Inconclusive: the statistic could not be computed from these data "
            + "(it is not a number, e.g. a correlation without any spread); nothing can be concluded from it.";
    /** What a formatted non-number looks like in a sentence: Java's and MessageFormat's spellings. */
    private static final Pattern NON_NUMBER = Pattern.compile("\\bNaN\\b|\\bInfinity\\b|∞|\uFFFD");

    public Finding {
        evidence = evidence == null ? List.of() : List.copyOf(evidence);
        boolean notNumbers = !finite(value) || !finite(pValue) || !finite(pAdjusted);
        // an ERROR finding's sentence quotes an exception's message, which may well say "NaN"
        boolean unreadable = sentence == null || sentence.isBlank()
                || verdict != Verdict.ERROR && NON_NUMBER.matcher(sentence).find();
        if (notNumbers || unreadable) {
            value = finite(value) ? value : null;
            pValue = finite(pValue) ? pValue : null;
            pAdjusted = finite(pAdjusted) ? pAdjusted : null;
            verdict = verdict == Verdict.ERROR ? verdict : Verdict.INCONCLUSIVE;
            effect = null;
            sentence = unreadable ? NOT_A_NUMBER : sentence;
        }
    }

    /** A finding without a placebo. */
    public Finding(String check, String scope, String subject, String statistic, Double value, Double pValue,
            Double pAdjusted, Verdict verdict, String sentence, List<String> evidence, Effect effect,
            String explainedBy) {
        this(check, scope, subject, statistic, value, pValue, pAdjusted, verdict, sentence, evidence, effect,
                explainedBy, null);
    }

    /** A finding that stands on its own. */
    public Finding(String check, String scope, String subject, String statistic, Double value, Double pValue,
            Double pAdjusted, Verdict verdict, String sentence, List<String> evidence, Effect effect) {
        this(check, scope, subject, statistic, value, pValue, pAdjusted, verdict, sentence, evidence, effect, null);
    }

    /** A check's statement that it had nothing or too little to test, with the reason in {@code sentence}. */
    public static Finding inconclusive(String check, String scope, String subject, String statistic, double value,
            String sentence) {
        return new Finding(check, scope, subject, statistic, value, null, null, Verdict.INCONCLUSIVE, sentence,
                List.of(), null);
    }

    /** Whether its placebo makes it ordinary. */
    public boolean ordinary() {
        return placebo != null && placebo.ordinary();
    }

    /** Whether the first page lists it: a flag that no other finding explains and its placebo leaves standing. */
    public boolean headline() {
        return verdict == Verdict.FLAG && explainedBy == null && !ordinary();
    }

    private static boolean finite(Double x) {
        return x == null || Double.isFinite(x);
    }
}
