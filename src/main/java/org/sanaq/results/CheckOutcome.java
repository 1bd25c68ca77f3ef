package org.sanaq.results;

import java.util.List;

/** Everything one check produced in one run: metrics, findings, detail tables and the charts it asks for. */
public record CheckOutcome(String check, List<Metric> metrics, List<Finding> findings, List<DetailTable> tables,
        List<FigureSpec> figures) {

    public CheckOutcome {
        metrics = List.copyOf(metrics);
        findings = List.copyOf(findings);
        tables = List.copyOf(tables);
        figures = List.copyOf(figures);
    }
}
