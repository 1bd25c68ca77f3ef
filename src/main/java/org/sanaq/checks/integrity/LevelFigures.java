package org.sanaq.checks.integrity;

import java.io.Serializable;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.sanaq.checks.Extremes;
import org.sanaq.checks.ReportedTotal;
import org.sanaq.schema.Field;

/**
 * The published protocols of one level in a group (a source's region, or its whole country), as {@link LevelSum}
 * compares them: read as the published unit (the largest figure of each count field and option, the first file
 * and line) and as the units below (the sum of each, null when a protocol did not report it).
 */
final class LevelFigures implements Serializable {
    private static final long serialVersionUID = 1L;
    /** The count fields, in {@link Field} order. */
    static final List<Field> COUNTS = Arrays.stream(Field.values()).filter(f -> f.kind() == Field.Kind.COUNT)
            .toList();

    private long protocols;
    private String file;
    private long line = Long.MAX_VALUE;
    private final Long[] largest = new Long[COUNTS.size()];
    private final ReportedTotal[] totals = new ReportedTotal[COUNTS.size()];
    /** Options' largest votes (null when no protocol gave a figure): a HashMap, which keeps null values. */
    private final HashMap<String, Long> largestVotes = new HashMap<>();
    private final Map<String, ReportedTotal> votes = new HashMap<>();

    LevelFigures() {
        Arrays.setAll(totals, i -> new ReportedTotal());
    }

    /** Adds one protocol: its count fields in {@link #COUNTS} order (null when not reported), file and line. */
    void add(Long[] counts, String file, long line) {
        protocols++;
        this.file = Extremes.min(this.file, file);
        this.line = Math.min(this.line, line);
        for (int i = 0; i < counts.length; i++) {
            largest[i] = Extremes.max(largest[i], counts[i]);
            totals[i].add(counts[i]);
        }
    }

    /** Adds one option's votes of one protocol (null when not reported). */
    void addVotes(String option, Long count) {
        largestVotes.put(option, Extremes.max(largestVotes.get(option), count));
        votes.computeIfAbsent(option, o -> new ReportedTotal()).add(count);
    }

    LevelFigures merge(LevelFigures other) {
        protocols += other.protocols;
        file = Extremes.min(file, other.file);
        line = Math.min(line, other.line);
        for (int i = 0; i < largest.length; i++) {
            largest[i] = Extremes.max(largest[i], other.largest[i]);
            totals[i].merge(other.totals[i]);
        }
        other.largestVotes.forEach((option, count) -> largestVotes.put(option,
                Extremes.max(largestVotes.get(option), count)));
        other.votes.forEach((option, total) -> votes.computeIfAbsent(option, o -> new ReportedTotal()).merge(total));
        return this;
    }

    long protocols() {
        return protocols;
    }

    String file() {
        return file;
    }

    long line() {
        return line;
    }

    /** A field as published: its largest value among the group's protocols of this level, or null. */
    Long published(Field field) {
        return largest[COUNTS.indexOf(field)];
    }

    /** A field summed over the group's protocols of this level, or null when one did not report it. */
    Long sum(Field field) {
        return totals[COUNTS.indexOf(field)].value();
    }

    /** Each option's votes as published (largest), by option name. */
    Map<String, Long> publishedVotes() {
        return new TreeMap<>(largestVotes);
    }

    /** An option's votes summed over the protocols that name it, or null (also when none names it). */
    Long votesSum(String option) {
        ReportedTotal total = votes.get(option);
        return total == null ? null : total.value();
    }

    /** The options named, for the bound on what reaches the driver. */
    int options() {
        return votes.size();
    }
}
