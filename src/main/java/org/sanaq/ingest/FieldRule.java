package org.sanaq.ingest;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * How one canonical field is filled from a source record. Exactly one origin: a {@code column}, a
 * {@code constant}, {@code sum_of} several columns, {@code min_of} several columns or, for text, {@code columns}
 * whose cells are joined with {@code join} (an identifier built from a voting centre and a table). Then, in this order,
 * optional steps: {@code minus} (counts: subtract other columns), {@code extract} (text: the first group of a
 * regular expression), {@code values} with {@code otherwise} (text: replace whole values), {@code normalize}
 * ({@code digits}: keep the last run of digits without leading zeros, so {@code УИК №0554} is {@code 554}).
 * With {@code optional: true}, a column the file does not have leaves the field unreported instead of failing
 * (one mapping for several years of a layout that gained or lost a column). A source cell equal to one of the
 * {@code missing} markers ({@link MissingMarkers}; null: the mapping's) is not reported, and so is a sum, a
 * difference or a joined identifier one of whose cells is.
 */
public record FieldRule(ColumnSelector column, String constant, List<ColumnSelector> sumOf,
        List<ColumnSelector> minOf, List<ColumnSelector> minus, String extract, Map<String, String> values,
        String otherwise, String normalize, boolean optional, List<ColumnSelector> joined, String join,
        MissingMarkers missing) implements Serializable {

    public static FieldRule constant(String value) {
        return new FieldRule(null, value, List.of(), List.of(), List.of(), null, Map.of(), null, null, false,
                List.of(), null, MissingMarkers.NONE);
    }

    /** A rule that reads one column by its name as it stands. */
    static FieldRule column(String name) {
        return new FieldRule(ColumnSelector.byName(name), null, List.of(), List.of(), List.of(), null, Map.of(), null,
                null, false, List.of(), null, null);
    }

    FieldRule substitute(String key, String value) {
        return new FieldRule(column == null ? null : column.substitute(key, value),
                constant == null ? null : constant.replace("{" + key + "}", value),
                sub(sumOf, key, value), sub(minOf, key, value), sub(minus, key, value), extract, values, otherwise,
                normalize, optional, sub(joined, key, value), join, missing);
    }

    private FieldRule required() {
        return new FieldRule(column, constant, sumOf, minOf, minus, extract, values, otherwise, normalize, false,
                joined, join, missing);
    }

    /** This rule with the mapping's missing-value markers when it declares none of its own. */
    FieldRule withMissingDefault(MissingMarkers mappingWide) {
        return new FieldRule(column, constant, sumOf, minOf, minus, extract, values, otherwise, normalize, optional,
                joined, join, MissingMarkers.or(missing, mappingWide));
    }

    private static List<ColumnSelector> sub(List<ColumnSelector> list, String key, String value) {
        return list.stream().map(s -> s.substitute(key, value)).toList();
    }

    /** Resolves the rule's columns against a header; null for an optional field whose column is absent. */
    BoundField bind(List<String> header, String where) throws MappingException {
        if (optional) {
            try {
                return required().bind(header, where);
            } catch (MappingException absent) {
                return null;
            }
        }
        List<Integer> origin = new ArrayList<>();
        List<String> originNames = new ArrayList<>();
        if (column != null) {
            origin.add(column.resolve(header, where));
        }
        for (ColumnSelector s : !sumOf.isEmpty() ? sumOf : !minOf.isEmpty() ? minOf : joined) {
            origin.add(s.resolve(header, where));
        }
        for (int i : origin) {
            originNames.add(ColumnSelector.clean(header.get(i)));
        }
        List<Integer> minusIdx = new ArrayList<>();
        List<String> minusNames = new ArrayList<>();
        for (ColumnSelector s : minus) {
            int i = s.resolve(header, where);
            minusIdx.add(i);
            minusNames.add(ColumnSelector.clean(header.get(i)));
        }
        return new BoundField(constant, origin, originNames, !minOf.isEmpty(), minusIdx, minusNames,
                extract == null ? null : Pattern.compile(extract), values, otherwise, normalize,
                joined.isEmpty() ? null : join, MissingMarkers.or(missing, MissingMarkers.NONE));
    }

    /** A rule with its columns resolved to positions; evaluates one record's cells. */
    record BoundField(String constant, List<Integer> origin, List<String> originNames, boolean takeMinimum,
            List<Integer> minus, List<String> minusNames, Pattern extract, Map<String, String> values,
            String otherwise, String normalize, String join, MissingMarkers missing) implements Serializable {

        /** The field as text, or null when not reported. */
        String text(List<String> cells) {
            return textOf(cell(cells));
        }

        /**
         * The source text the field's text comes from (not stripped): the cell, or the joined cells of
         * {@code columns} ("" when one of them is empty or a marker, as an identifier with a part missing is
         * none); null when the field is a constant.
         */
        String cell(List<String> cells) {
            if (constant != null) {
                return null;
            }
            if (join == null) {
                return cells.get(origin.get(0));
            }
            StringBuilder joined = new StringBuilder();
            for (int k = 0; k < origin.size(); k++) {
                String part = cells.get(origin.get(k)).strip();
                if (part.isEmpty() || missing.match(part) != null) {
                    return "";
                }
                joined.append(k == 0 ? "" : join).append(part);
            }
            return joined.toString();
        }

        /** The field as text from its source cell as {@link #cell} gives it, or from the constant when that is null. */
        String textOf(String cell) {
            if (cell == null) {
                return transform(constant);
            }
            return missing.match(cell) != null ? null : transform(cell.strip());
        }

        /**
         * The column and marker of a source cell of this rule that holds a missing-value marker, in words, or null
         * when none does (a rule left unreported by a marker names it in the quarantine).
         */
        String marked(List<String> cells) {
            for (int k = 0; constant == null && k < origin.size() + minus.size(); k++) {
                boolean own = k < origin.size();
                int index = own ? origin.get(k) : minus.get(k - origin.size());
                String marker = missing.match(cells.get(index));
                if (marker != null) {
                    return "the column '" + (own ? originNames.get(k) : minusNames.get(k - origin.size()))
                            + "' holds the missing-value marker '" + marker + "'";
                }
            }
            return null;
        }

        /** The steps after the origin: extract, values with otherwise, normalize; null when nothing is left. */
        private String transform(String origin) {
            String value = origin;
            if (extract != null && value != null) {
                var m = extract.matcher(value);
                value = m.find() ? (m.groupCount() >= 1 ? m.group(1) : m.group()).strip() : null;
            }
            if (!values.isEmpty() || otherwise != null) {
                value = values.containsKey(value) ? values.get(value) : otherwise != null ? otherwise : value;
            }
            if ("digits".equals(normalize) && value != null) {
                value = lastDigits(value);
            }
            return value == null || value.isEmpty() ? null : value;
        }

        /** The field as a count: the origin column(s) summed, minus the {@code minus} columns. */
        Long count(List<String> cells, NumberFormat format) throws NumberFormat.NumberProblem {
            if (constant != null) {
                return format.parseCount(constant);
            }
            if (takeMinimum) {
                // the smallest of the columns given, as for fractions; an empty cell is not reported
                Long least = null;
                for (int k = 0; k < origin.size(); k++) {
                    Long v = part(cells, origin.get(k), originNames.get(k), format);
                    least = v == null || (least != null && least <= v) ? least : v;
                }
                if (least == null) {
                    return null;
                }
                return subtract(least, cells, format);
            }
            Long total = 0L;
            for (int k = 0; k < origin.size(); k++) {
                Long v = part(cells, origin.get(k), originNames.get(k), format);
                if (v == null) {
                    return null;
                }
                total += v;
            }
            return subtract(total, cells, format);
        }

        private Long subtract(long total, List<String> cells, NumberFormat format) throws NumberFormat.NumberProblem {
            for (int k = 0; k < minus.size(); k++) {
                Long v = part(cells, minus.get(k), minusNames.get(k), format);
                if (v == null) {
                    return null;
                }
                total -= v;
            }
            if (total < 0) {
                throw new NumberFormat.NumberProblem("the difference " + originNames + " − " + minusNames
                        + " is negative");
            }
            return total;
        }

        /** One cell of a count: null when it is empty or a missing-value marker. */
        private Long part(List<String> cells, int index, String name, NumberFormat format)
                throws NumberFormat.NumberProblem {
            return missing.match(cells.get(index)) != null ? null : format.parseCount(cells, index, name);
        }

        /** The field as a number from 0 to 1; with {@code min_of}, the smallest of the columns. */
        Double fraction(List<String> cells, NumberFormat format) throws NumberFormat.NumberProblem {
            Double result = null;
            for (int k = 0; k < origin.size(); k++) {
                String cell = cells.get(origin.get(k));
                var value = missing.match(cell) != null ? null : format.parseDecimal(cell);
                if (value == null) {
                    continue;
                }
                double v = value.doubleValue();
                if (v < 0 || v > 1) {
                    throw new NumberFormat.NumberProblem("'" + originNames.get(k) + "' = " + value
                            + " is not between 0 and 1");
                }
                result = result == null || (takeMinimum && v < result) ? Double.valueOf(v) : result;
                if (!takeMinimum) {
                    break;
                }
            }
            return result;
        }
    }

    /**
     * {@code normalize: digits}: the last run of ASCII digits in the text without its leading zeros (one zero stays
     * of a run of zeros), so {@code УИК №0554} is {@code 554}; the text itself when it has no digit.
     */
    static String lastDigits(String text) {
        int end = text.length();
        while (end > 0 && !isDigit(text.charAt(end - 1))) {
            end--;
        }
        if (end == 0) {
            return text;
        }
        int start = end - 1;
        while (start > 0 && isDigit(text.charAt(start - 1))) {
            start--;
        }
        while (start < end - 1 && text.charAt(start) == '0') {
            start++;
        }
        return text.substring(start, end);
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
