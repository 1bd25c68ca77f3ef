package org.sanaq.report;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.sanaq.results.DetailTable;
import org.sanaq.results.FigureSpec;
import org.sanaq.results.Finding;

/**
 * The charts of a region's page: for each check that flags the region, the check's own figures of the region (a
 * filter {@code region=<name>}, or {@code scope=region=<name>}), else its figures redrawn from the region's rows
 * where their table tells rows apart by region (a {@code region} column, or a {@code scope} column naming regions):
 * the same chart, filtered to the region. A check whose tables cannot be filtered so gives no chart.
 */
final class RegionCharts {
    private RegionCharts() {
    }

    /** The figures to draw on a region's page, in the order of the checks' strongest flags there. */
    static List<FigureSpec> of(ReportPlan plan, ReportPlan.RegionPage page) {
        List<FigureSpec> out = new ArrayList<>(page.figures());
        Set<String> flagging = new LinkedHashSet<>();
        page.findings().stream().filter(Finding::headline).map(Finding::check).forEach(flagging::add);
        String scope = ReportPlan.REGION + page.region();
        for (String check : flagging) {
            if (out.stream().anyMatch(f -> f.check().equals(check))) {
                continue;
            }
            List<FigureSpec> figures = plan.sections().stream().filter(s -> s.description().id().equals(check))
                    .flatMap(s -> s.figures().stream()).toList();
            List<FigureSpec> own = figures.stream().filter(f -> scope.equals(f.filter().get("scope"))).toList();
            if (!own.isEmpty()) {
                out.addAll(own);
                continue;
            }
            figures.stream().map(f -> filtered(f, plan.tables().get(f.table()), page.region()))
                    .filter(java.util.Objects::nonNull).findFirst().ifPresent(out::add);
        }
        return out;
    }

    /**
     * The figure drawn from the region's rows of its table, or null when the table has no rows of the region, or
     * the figure already selects a place (a region or a scope that is not the whole country).
     */
    static FigureSpec filtered(FigureSpec figure, DetailTable table, String region) {
        if (table == null || figure.filter().containsKey("region")) {
            return null;
        }
        Map<String, String> filter = new TreeMap<>(figure.filter());
        String scope = filter.get("scope");
        if (table.columns().contains("region")) {
            filter.put("region", region);
            filter.remove("scope");
        } else if (table.columns().contains("scope") && (scope == null || scope.equals("national"))) {
            filter.put("scope", ReportPlan.REGION + region);
        } else {
            return null;
        }
        FigureSpec regional = new FigureSpec(figure.check(), figure.id() + "@" + region, figure.kind(),
                figure.title() + " — " + region, figure.table(), figure.columns(), filter, figure.xLabel(),
                figure.yLabel(), figure.caption());
        return new FigureRows(regional, table).size() > 0 ? regional : null;
    }
}
