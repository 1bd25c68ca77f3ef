package org.sanaq.ingest;

import java.util.List;
import java.util.Map;

/**
 * A text field (or a candidate's name from a cell) of a mapping fitted to one file: the rule's text without NUL and
 * bidirectional controls ({@link ControlCharacters}), with the region aliases when it is the region. Published
 * tables repeat a text cell over long runs of records (every precinct of a region names the region, every precinct
 * of a district the district), so the field remembers the last cell it converted and gives that cell's value again
 * without running the rule's regular expressions. It serves the records of one file in one thread.
 */
final class TextField {
    private final FieldRule.BoundField rule;
    private final Map<String, String> aliases;
    private String lastCell;
    private String lastValue;
    private boolean lastCleaned;

    /** @param aliases the names to replace in the value, empty for every field but the region */
    TextField(FieldRule.BoundField rule, Map<String, String> aliases) {
        this.rule = rule;
        this.aliases = aliases;
        if (rule.constant() != null) {
            convert(null);
        }
    }

    /** The field's value in a record, null when not reported; sets {@code cleaned[0]} when the value lost controls. */
    String value(List<String> cells, boolean[] cleaned) {
        String cell = rule.cell(cells);
        if (cell != null && !cell.equals(lastCell)) {
            convert(cell);
        }
        cleaned[0] |= lastCleaned;
        return lastValue;
    }

    private void convert(String cell) {
        String text = rule.textOf(cell);
        String clean = ControlCharacters.strip(text);
        lastCleaned = clean != null && !clean.equals(text);
        lastValue = clean == null || clean.isEmpty() ? null : aliases.getOrDefault(clean, clean);
        lastCell = cell;
    }
}
