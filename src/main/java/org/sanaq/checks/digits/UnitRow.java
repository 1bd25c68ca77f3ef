package org.sanaq.checks.digits;

import java.io.Serializable;
import java.util.Comparator;

/**
 * One (unit, row) of the digit tests, the key of its summary: the unit's name ({@code null} for the nation, "" for
 * precincts that give no unit) and the row ({@link #TURNOUT} or a candidate's name). A random group
 * ({@link org.sanaq.checks.RandomGroupings}) is a unit too, named by its number, that only the placebo reads.
 */
record UnitRow(String unit, String subject, boolean randomGroup) implements Serializable {
    /** The turnout row: counts are ballots, p is turnout. */
    static final String TURNOUT = "turnout";

    /**
     * The report's order: the nation's rows first, then units by name; in each, turnout, then candidates by name;
     * random groups after every real unit.
     */
    static final Comparator<UnitRow> ORDER = Comparator.comparing((UnitRow r) -> r.randomGroup())
            .thenComparing(r -> !r.national())
            .thenComparing(r -> String.valueOf(r.unit()))
            .thenComparing(r -> !r.turnout())
            .thenComparing(UnitRow::subject);

    /** A real unit's row (or the nation's, unit {@code null}). */
    UnitRow(String unit, String subject) {
        this(unit, subject, false);
    }

    /** Random group {@code group}'s row of {@code subject}. */
    static UnitRow group(int group, String subject) {
        return new UnitRow(Integer.toString(group), subject, true);
    }

    /** The nation's row of {@code subject}, the merge of its units'. */
    static UnitRow national(String subject) {
        return new UnitRow(null, subject);
    }

    boolean national() {
        return unit == null;
    }

    boolean turnout() {
        return TURNOUT.equals(subject);
    }
}
