package org.sanaq.report;

import org.sanaq.results.Effect;
import org.sanaq.results.Finding;
import org.sanaq.text.Numbers;

/**
 * A first-page finding as a newsroom reads it: the finding's first sentence (the fact with its figure), its
 * strength and effect in one line, the strongest innocent explanation, what it shows and what it does not show,
 * and where it is. The explanation and the two limits are the check's own ({@code report.card.<check>.*}, or
 * {@code report.card.<check>.<statistic>.*} where a check's statistics differ in them), so they read the same in
 * every report; the full sentence stays in the check's section.
 *
 * @param fact the finding's first sentence
 * @param weight its strength and effect ("Counted from the documents · 6 protocols, 0.006 % of the 97,699 checked")
 * @param innocent the strongest innocent explanation
 * @param shows what the finding shows
 * @param doesNotShow what it does not show
 * @param where the place and the check
 */
record StoryCard(String fact, String weight, String innocent, String shows, String doesNotShow, String where) {

    static StoryCard of(Finding f, Wording words, String checkTitle) {
        return new StoryCard(fact(f.sentence()), words.get("card.weight", strength(f, words),
                effect(f.effect(), words)), words.get("card.innocent", cardText(f, "innocent", words)),
                words.get("card.shows", cardText(f, "shows", words)),
                words.get("card.not_shows", cardText(f, "not_shows", words)),
                words.get("findings.where", words.scope(f.scope()), checkTitle));
    }

    /** The longest fact, in characters, that takes in a second sentence: about four lines of the first page. */
    static final int FACT_LENGTH = 360;

    /**
     * The fact with its figures: the first sentence, and the second when it gives figures too (the place and size
     * of the largest case) and both stay within {@link #FACT_LENGTH}; the sentences after those are the check's
     * hedges, which the card gives in its own lines.
     */
    static String fact(String text) {
        String first = firstSentence(text);
        String rest = text.substring(first.length()).strip();
        String second = rest.isEmpty() ? "" : firstSentence(rest);
        return second.chars().anyMatch(Character::isDigit) && first.length() + second.length() < FACT_LENGTH
                ? first + " " + second : first;
    }

    /**
     * The text up to the end of the first sentence: a full stop outside parentheses and brackets, followed by a
     * space and a capital letter or a digit, that does not end an initial or an abbreviation of one or two letters ("e.g.",
     * "D. Kobak"); the whole text when there is no such stop.
     */
    static String firstSentence(String text) {
        int depth = 0;
        for (int i = 0; i + 2 < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '(' || c == '[') {
                depth++;
            } else if ((c == ')' || c == ']') && depth > 0) {
                depth--;
            } else if (c == '.' && depth == 0 && text.charAt(i + 1) == ' '
                    && (Character.isUpperCase(text.charAt(i + 2)) || Character.isDigit(text.charAt(i + 2)))
                    && !shortWordBefore(text, i)) {
                return text.substring(0, i + 1);
            }
        }
        return text;
    }

    /** Whether the word that ends at {@code stop} has at most two letters (an initial, "e.g", "St"). */
    private static boolean shortWordBefore(String text, int stop) {
        int start = stop;
        while (start > 0 && Character.isLetter(text.charAt(start - 1))) {
            start--;
        }
        return stop - start > 0 && stop - start <= 2;
    }

    /** The band's words: counted from the documents, beyond chance, strong or moderate, with the p-value. */
    private static String strength(Finding f, Wording words) {
        int band = Ranking.band(f);
        Effect e = f.effect();
        if (e != null && e.basis() == Effect.Basis.DOCUMENTS) {
            return words.get("card.strength.documents");
        }
        if (e != null && e.basis() == Effect.Basis.ESTIMATE) {
            return words.get("card.strength.estimate" + band);
        }
        String p = words.p(Ranking.p(f));
        return words.get("card.strength.test" + Math.min(band, 3), p.startsWith("<") ? p : "= " + p);
    }

    /** The effect in words: the amount, and its share of what it concerns when that is known. */
    static String effect(Effect e, Wording words) {
        if (e == null) {
            return words.get("card.effect.none");
        }
        String key = "card.effect." + e.unit().name().toLowerCase(java.util.Locale.ROOT) + "."
                + e.basis().name().toLowerCase(java.util.Locale.ROOT);
        long amount = Math.round(Math.abs(e.amount()));
        Double share = e.share();
        return share == null ? words.get(key, amount) : words.get(key + ".of", amount, percent(share, words),
                Math.round(e.of()));
    }

    /**
     * A share as a percentage for reading: one decimal from 1 %, two significant digits below (0.0061 %), with
     * the language's decimal mark.
     */
    static String percent(double share, Wording words) {
        double pct = 100 * share;
        int decimals = pct >= 1 || pct == 0 ? 1 : Math.min(8, 1 - (int) Math.floor(Math.log10(pct)));
        return Numbers.decimal(pct, decimals, words.messages().locale());
    }

    /** The check's text of this kind for the finding's statistic, or the check's, or the general one. */
    private static String cardText(Finding f, String kind, Wording words) {
        for (String key : new String[] {"card." + f.check() + "." + f.statistic() + "." + kind,
                "card." + f.check() + "." + kind}) {
            if (words.messages().defines("report." + key)) {
                return words.get(key);
            }
        }
        return words.get("card.any." + kind);
    }
}
