package org.sanaq.results;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * A chart a check asks for, by kind, drawn by the report from a detail table; checks never draw.
 * Kinds and the columns each needs (keys of {@code columns}, values are column names of the table):
 * <ul>
 *   <li>{@code histogram_vs_expected}: {@code bin_low}, {@code bin_high}, {@code observed}, {@code expected};</li>
 *   <li>{@code histogram_excess}: the same, with observed − expected shaded where both are given and its sum
 *   labelled (Shpilkin's excess);</li>
 *   <li>{@code ranked_bars}: {@code label}, {@code value};</li>
 *   <li>{@code bars}: the same, drawn in the table's order (a sequence in time);</li>
 *   <li>{@code heatmap}: {@code x_low}, {@code y_low}, {@code weight} (bins of equal width);</li>
 *   <li>{@code heatmap_log}: the same, on a logarithmic colour scale;</li>
 *   <li>{@code scatter}: {@code x}, {@code y} (with the diagonal drawn);</li>
 *   <li>{@code observed_vs_null}: {@code label}, {@code observed}, {@code expected}, {@code band_low},
 *   {@code band_high}, {@code z}: an observed count per bar against its null's expectation and band.</li>
 * </ul>
 * {@code filter} optionally keeps only the rows whose column equals a value: {@code {"d": "2"}}.
 *
 * <p>Drill-down convention: a figure whose {@code filter} has the key {@code region} ({@code {"region": "Алматы"}},
 * the table then needs a {@code region} column) is that region's own figure (e.g. its fingerprint). The report
 * draws it on the region's drill-down page, which exists when a flag's scope is {@code region=<name>}; for a region
 * without a page it is drawn in the check's section.
 */
public record FigureSpec(String check, String id, String kind, String title, String table, Map<String, String> columns,
        Map<String, String> filter, String xLabel, String yLabel, String caption) {

    /**
     * The maps are kept sorted by key, so that findings.json lists them in the same order in every run: Java's
     * immutable maps ({@code Map.of}) iterate in an order that changes from one JVM to the next.
     */
    public FigureSpec {
        columns = sorted(columns);
        filter = sorted(filter == null ? Map.of() : filter);
    }

    private static Map<String, String> sorted(Map<String, String> map) {
        return Collections.unmodifiableSortedMap(new TreeMap<>(map));
    }
}
