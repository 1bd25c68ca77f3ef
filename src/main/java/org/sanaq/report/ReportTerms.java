package org.sanaq.report;

import java.util.List;

/** The terms the report explains once (keys report.term.<term>.name and .text), in the order it explains them. */
final class ReportTerms {
    static final List<String> ORDER = List.of("protocol", "flag", "explained", "ordinary", "expected", "p_value",
            "adjusted_p", "quarantined", "tables");

    private ReportTerms() {
    }
}
