package org.sanaq.text;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Nouns after counts, by the language's rules: a message writes {@code {1,plural,голос|голоса|голосов}} (the forms
 * for one, few and many) after {@code {1,number,integer}}, and the word that agrees with argument 1 takes its
 * place before the pattern is formatted. {@link java.text.ChoiceFormat} cannot say this for Russian, whose form
 * depends on the last two digits (1, 21, 101 голос; 2, 22 голоса; 5, 11, 12, 25 голосов). Russian: "one" when the
 * count ends in 1 but not 11, "few" when it ends in 2–4 but not 12–14, "many" otherwise, and "few" for a fraction
 * (2,5 голоса); every other language: "one" for exactly 1, else "many".
 */
final class Plural {
    /** A plural element: the argument's index and its three forms (no braces or bars inside). */
    private static final Pattern ELEMENT = Pattern.compile("\\{(\\d+),plural,([^|{}]*)\\|([^|{}]*)\\|([^|{}]*)}");

    private Plural() {
    }

    /** The pattern with each plural element replaced by the form that agrees with its argument. */
    static String resolve(String pattern, String language, Object[] arguments) {
        if (!pattern.contains(",plural,")) {
            return pattern;
        }
        Matcher m = ELEMENT.matcher(pattern);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            int index = Integer.parseInt(m.group(1));
            Object argument = index < arguments.length ? arguments[index] : null;
            int form = argument instanceof Number n ? form(n, language) : 4;
            m.appendReplacement(out, Matcher.quoteReplacement(m.group(form)));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** The pattern with each plural element replaced by its "many" form, to check that the rest is valid. */
    static String withoutPlurals(String pattern) {
        return ELEMENT.matcher(pattern).replaceAll("$4");
    }

    /** 2 for "one", 3 for "few", 4 for "many": the group of {@link #ELEMENT} that holds the form. */
    private static int form(Number count, String language) {
        double value = count.doubleValue();
        if (!language.equals("ru")) {
            return value == 1 ? 2 : 4;
        }
        if (value != Math.rint(value)) {
            return 3;
        }
        long n = Math.abs(count.longValue());
        if (n % 10 == 1 && n % 100 != 11) {
            return 2;
        }
        return n % 10 >= 2 && n % 10 <= 4 && (n % 100 < 12 || n % 100 > 14) ? 3 : 4;
    }
}
