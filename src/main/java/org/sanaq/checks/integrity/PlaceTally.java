package org.sanaq.checks.integrity;

import java.io.Serializable;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * What {@link IntegrityFold} keeps of one source's region (national rows count under their own region name):
 * how many of its published final protocols each relation checked and found broken, its published figures by
 * level (for {@link LevelSum}), and its election-day rows by level (for {@link ElectionDayReports}).
 */
final class PlaceTally implements Serializable {
    private static final long serialVersionUID = 1L;
    private long protocols;
    private long candidateRows;
    private final long[] checked;
    private final long[] broken;
    private final Map<String, LevelFigures> levels = new HashMap<>();
    private final Map<String, ElectionDayReports.Unit> day = new HashMap<>();

    /** A tally of {@code relations} relations ({@link IntegrityRelations#size}), all counts zero. */
    PlaceTally(int relations) {
        checked = new long[relations];
        broken = new long[relations];
    }

    /** Counts one published final protocol (or one of its candidates) against a relation. */
    void count(int relation, boolean applies, boolean isBroken) {
        if (applies) {
            checked[relation]++;
        }
        if (isBroken) {
            broken[relation]++;
        }
    }

    void addProtocol() {
        protocols++;
    }

    void addCandidateRow() {
        candidateRows++;
    }

    /** The published figures of a level, begun empty. */
    LevelFigures level(String level) {
        return levels.computeIfAbsent(level, l -> new LevelFigures());
    }

    /** The election-day rows of a level, begun empty. */
    ElectionDayReports.Unit dayUnit(String level) {
        return day.computeIfAbsent(level, l -> new ElectionDayReports.Unit());
    }

    PlaceTally merge(PlaceTally other) {
        protocols += other.protocols;
        candidateRows += other.candidateRows;
        for (int i = 0; i < checked.length; i++) {
            checked[i] += other.checked[i];
            broken[i] += other.broken[i];
        }
        other.levels.forEach((level, figures) -> levels.merge(level, figures, LevelFigures::merge));
        other.day.forEach((level, unit) -> day.merge(level, unit, ElectionDayReports.Unit::merge));
        return this;
    }

    /** Published final protocols of the place (none when it has only derived sums or reports of the day). */
    long protocols() {
        return protocols;
    }

    /** (Protocol, candidate) pairs of those protocols: none when no protocol names an option. */
    long candidateRows() {
        return candidateRows;
    }

    long checked(int relation) {
        return checked[relation];
    }

    long broken(int relation) {
        return broken[relation];
    }

    /** The published figures of a level, or null when the place has no protocol of it. */
    LevelFigures figures(String level) {
        return levels.get(level);
    }

    /** The options named at every level, for the bound on what reaches the driver. */
    long options() {
        return levels.values().stream().mapToLong(LevelFigures::options).sum();
    }

    /** The election-day rows by level. */
    Map<String, ElectionDayReports.Unit> day() {
        return new TreeMap<>(day);
    }
}
