package org.sanaq.ingest;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.sanaq.schema.Field;

/**
 * One column read as two figures: {@code invalid} and {@code valid} both bound to "valid_ballots", say, a slip that
 * validates and then makes every protocol break its control relations. It is refused when the mapping is fitted
 * to a header, where names, patterns and positions have become columns, unless every field that shares the column
 * is listed in the mapping's {@code shared_columns} (for a file that really prints one figure for both). Only
 * figures taken as they stand from one column count: text fields may well read one column twice ({@code region}
 * and {@code district} extracted from one "location"), and sums or differences are built from several.
 */
final class SharedColumns {
    private SharedColumns() {
    }

    /** Throws, naming the fields and the column, when two figures read one column and are not allowed to. */
    static void refuse(Map<Field, FieldRule.BoundField> fields, List<String> header, Set<Field> allowed, String file)
            throws MappingException {
        Map<Integer, List<Field>> readers = new TreeMap<>();
        for (Map.Entry<Field, FieldRule.BoundField> e : fields.entrySet()) {
            FieldRule.BoundField rule = e.getValue();
            if (e.getKey().kind() != Field.Kind.TEXT && rule.constant() == null && rule.origin().size() == 1
                    && rule.minus().isEmpty()) {
                readers.computeIfAbsent(rule.origin().get(0), column -> new ArrayList<>()).add(e.getKey());
            }
        }
        for (Map.Entry<Integer, List<Field>> column : readers.entrySet()) {
            List<Field> sharing = column.getValue();
            if (sharing.size() > 1 && !allowed.containsAll(sharing)) {
                List<String> names = sharing.stream().map(Field::column).toList();
                throw new MappingException(file + ": " + String.join(", ", names.stream().map(n -> "fields." + n)
                        .toList()) + ": read the same column '" + ColumnSelector.clean(header.get(column.getKey()))
                        + "'; point each at its own column, or, if the file really prints one figure for them, add "
                        + "shared_columns: [" + String.join(", ", names) + "] to the mapping");
            }
        }
    }
}
