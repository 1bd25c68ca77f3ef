package org.sanaq.checks.panel;

import static org.apache.spark.sql.functions.asin;
import static org.apache.spark.sql.functions.least;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sqrt;

import org.apache.spark.sql.Column;

/**
 * A precinct's change between two elections on the variance-stabilised scale (DESIGN19 §3.2): for a proportion
 * p = x / n, y = asin √p has binomial variance about 1 / (4n) whatever p, so the change d = y₂ − y₁ has noise
 * variance 1 / (4n₁) + 1 / (4n₂), and a change can be set against its district's changes in units of spread plus
 * this noise ({@link org.sanaq.checks.neighbours.UnitScores}). A proportion above 1 (more ballots than voters) is
 * read as 1.
 */
final class PanelChange {
    private PanelChange() {
    }

    /** d = asin √(x₂/n₂) − asin √(x₁/n₁). */
    static Column change(Column x1, Column n1, Column x2, Column n2) {
        return stabilised(x2, n2).minus(stabilised(x1, n1));
    }

    /** The binomial noise variance of {@link #change}: 1 / (4n₁) + 1 / (4n₂). */
    static Column noise(Column n1, Column n2) {
        return lit(0.25).divide(n1).plus(lit(0.25).divide(n2));
    }

    /** The change in points of a percentage: 100 (x₂/n₂ − x₁/n₁). */
    static Column points(Column x1, Column n1, Column x2, Column n2) {
        return lit(100.0).multiply(x2.divide(n2).minus(x1.divide(n1)));
    }

    private static Column stabilised(Column x, Column n) {
        return asin(sqrt(least(lit(1.0), x.cast("double").divide(n))));
    }
}
