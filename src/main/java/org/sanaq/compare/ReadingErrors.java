package org.sanaq.compare;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Reading errors in a copy that was read or typed from a photo of the protocol (an OCR reading, a transcription),
 * found within the pair before any bias is tested (README "Second sources"). Each pattern is what misreading gives
 * and what a falsified count does not:
 * <ul>
 *   <li>{@link Pattern#SHIFTED}: a figure read into another candidate's column: the copy gives a count in a column
 *   the official protocol does not have, or gives candidate A a figure that differs from A's official one and
 *   equals the official figure of a candidate B whose own figure the copy also gets wrong;</li>
 *   <li>{@link Pattern#SWAPPED}: two candidates' figures exchanged (A reads B's figure and B reads A's);</li>
 *   <li>{@link Pattern#DIGIT}: a digit dropped or added (official 1,535 read as 135 or 15,355);</li>
 *   <li>{@link Pattern#BAD_SUM}: the copy's candidates do not sum to the copy's own valid ballots (or, where the
 *   copy gives no valid ballots, to its ballots cast minus invalid): the reading is not even self-consistent.</li>
 * </ul>
 * Equal figures of two candidates count as a shift or a swap only from {@link #SMALLEST_MOVED} votes: two small
 * counts of the same protocol are often equal by chance, two counts of tens of votes rarely. The patterns apply
 * only to readings: on a signed copy, an official 1,535 against a copy's 535 is a changed protocol, not a misread
 * one, so the comparison applies them to {@code ocr} sources and to inputs the job marks as transcribed.
 */
public final class ReadingErrors {
    /** The smallest figure that, equal to another candidate's, is taken for a figure read in the wrong column. */
    static final long SMALLEST_MOVED = 10;

    /** A kind of reading error. */
    public enum Pattern {
        SHIFTED, SWAPPED, DIGIT, BAD_SUM;

        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** The reading errors of one copy: the patterns found and the figures that show them, e.g. {@code B 769 → C}. */
    public record Found(EnumSet<Pattern> patterns, String evidence) implements Serializable {
    }

    private ReadingErrors() {
    }

    /**
     * The reading errors of a copy against its official protocol, or null when there are none.
     *
     * @param official the official protocol's votes by candidate (null values: count not given)
     * @param copy the copy's votes by candidate
     * @param copyValid the copy's valid ballots, or null
     * @param copyCast the copy's ballots cast, or null
     * @param copyInvalid the copy's invalid ballots, or null
     */
    public static Found find(Map<String, Long> official, Map<String, Long> copy, Long copyValid, Long copyCast,
            Long copyInvalid) {
        EnumSet<Pattern> patterns = EnumSet.noneOf(Pattern.class);
        List<String> evidence = new ArrayList<>();
        for (Map.Entry<String, Long> e : new TreeMap<>(copy).entrySet()) {
            String candidate = e.getKey();
            Long read = e.getValue();
            Long own = official.get(candidate);
            if (read == null || read.equals(own)) {
                continue;
            }
            if (own == null && !official.containsKey(candidate)) {
                if (read > 0) {
                    patterns.add(Pattern.SHIFTED);
                    evidence.add(candidate + " " + read + " (no such column in the official protocol)");
                }
                continue;
            }
            String source = movedFrom(official, copy, candidate, read);
            if (source != null) {
                boolean swapped = own != null && own.equals(copy.get(source));
                patterns.add(swapped ? Pattern.SWAPPED : Pattern.SHIFTED);
                evidence.add(source + " " + read + (swapped ? " ⇄ " : " → ") + candidate);
            } else if (own != null && digitDroppedOrAdded(own, read)) {
                patterns.add(Pattern.DIGIT);
                evidence.add(candidate + " " + own + " read as " + read);
            }
        }
        Long expected = copyValid != null ? copyValid
                : copyCast != null && copyInvalid != null ? copyCast - copyInvalid : null;
        long sum = 0;
        boolean complete = !copy.isEmpty();
        for (Long v : copy.values()) {
            complete &= v != null;
            sum += v == null ? 0 : v;
        }
        if (expected != null && complete && sum != expected) {
            patterns.add(Pattern.BAD_SUM);
            evidence.add("candidates sum to " + sum + ", not " + expected);
        }
        return patterns.isEmpty() ? null : new Found(patterns, String.join("; ", evidence));
    }

    /**
     * The candidate whose official figure the copy gives to {@code candidate}, where that candidate's own figure
     * is also read wrong (first by name), or null. Figures below {@link #SMALLEST_MOVED} are not taken.
     */
    private static String movedFrom(Map<String, Long> official, Map<String, Long> copy, String candidate,
            long read) {
        if (read < SMALLEST_MOVED) {
            return null;
        }
        for (Map.Entry<String, Long> o : new TreeMap<>(official).entrySet()) {
            if (!o.getKey().equals(candidate) && o.getValue() != null && o.getValue() == read
                    && !o.getValue().equals(copy.get(o.getKey()))) {
                return o.getKey();
            }
        }
        return null;
    }

    /** Whether one figure is the other with one digit dropped (or, the other way, added); two digits at least. */
    static boolean digitDroppedOrAdded(long a, long b) {
        String x = Long.toString(a);
        String y = Long.toString(b);
        String longer = x.length() > y.length() ? x : y;
        String shorter = x.length() > y.length() ? y : x;
        if (longer.length() != shorter.length() + 1 || longer.length() < 2) {
            return false;
        }
        for (int i = 0; i < longer.length(); i++) {
            if ((longer.substring(0, i) + longer.substring(i + 1)).equals(shorter)) {
                return true;
            }
        }
        return false;
    }
}
