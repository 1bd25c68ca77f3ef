package org.sanaq.checks.neighbours;

import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

import org.sanaq.results.Metric;
import org.sanaq.results.Placebo;
import org.sanaq.stats.BenjaminiHochberg;
import org.sanaq.stats.PoissonTail;

/**
 * The real outliers against the placebo's, for the neighbour comparison and the panel's jumps alike: nationally, the real outliers O₀
 * against those of the R random groupings, empirical p = (1 + #{O_r ≥ O₀}) / (R + 1); per region, O₀ of the region
 * against a Poisson law whose mean is the region's mean placebo count (floored at 0.5 / R, so that a region where
 * no grouping gave an outlier still has a finite p), the p-values adjusted over the regions tested by
 * Benjamini–Hochberg.
 */
public final class OutlierCounts {

    /** One scope's real and placebo counts; {@code p} and {@code pAdjusted} as the scope's test gives them. */
    public record Scope(long tested, long outliers, long outliersUp, double placeboMean, long placeboMax,
            double placeboTested, double placeboUpMean, double p, double pAdjusted) {
        /** Real outliers beyond the groupings' mean. */
        public double excess() {
            return outliers - placeboMean;
        }

        /** The groupings as a flag's placebo: the precincts they test on average, their most outliers. */
        public Placebo.RandomGroupings groupings() {
            return new Placebo.RandomGroupings(Math.round(placeboTested), placeboMax, tested, outliers);
        }

        /** The scope's counts and p as metrics of {@code check} (subject {@code all}). */
        public List<Metric> metrics(String check, String scope) {
            return List.of(new Metric(check, scope, "all", "tested", tested),
                    new Metric(check, scope, "all", "outliers", outliers),
                    new Metric(check, scope, "all", "outliers_up", outliersUp),
                    new Metric(check, scope, "all", "placebo_mean", placeboMean),
                    new Metric(check, scope, "all", "placebo_max", placeboMax),
                    new Metric(check, scope, "all", "p_value", p));
        }

        /** The outliers' direction beside the groupings'. */
        public OutlierDirection direction() {
            return new OutlierDirection(outliers, outliersUp, placeboMean, placeboUpMean);
        }
    }

    private final Scope nation;
    private final SortedMap<String, Scope> regions = new TreeMap<>();

    public OutlierCounts(UnitScores.ScoreSummary scores, int groupings) {
        long[][] national = new long[groupings + 1][3];
        SortedMap<String, long[][]> byRegion = new TreeMap<>();
        for (UnitScores.RegionCount c : scores.counts()) {
            long[][] region = byRegion.computeIfAbsent(c.region(), r -> new long[groupings + 1][3]);
            for (long[][] sums : new long[][][] {national, region}) {
                sums[c.grouping()][0] += c.tested();
                sums[c.grouping()][1] += c.outliers();
                sums[c.grouping()][2] += c.outliersUp();
            }
        }
        nation = scope(national, groupings, true);
        Map<String, Scope> unadjusted = new TreeMap<>();
        byRegion.forEach((name, sums) -> {
            if (sums[0][0] > 0) {
                unadjusted.put(name, scope(sums, groupings, false));
            }
        });
        double[] adjusted = BenjaminiHochberg.adjust(unadjusted.values().stream().mapToDouble(Scope::p).toArray());
        int i = 0;
        for (Map.Entry<String, Scope> e : unadjusted.entrySet()) {
            Scope s = e.getValue();
            regions.put(e.getKey(), new Scope(s.tested(), s.outliers(), s.outliersUp(), s.placeboMean(),
                    s.placeboMax(), s.placeboTested(), s.placeboUpMean(), s.p(), adjusted[i++]));
        }
    }

    /** The nation's counts; its p is the empirical one, not adjusted. */
    public Scope nation() {
        return nation;
    }

    /** The regions with precincts tested, in name order. */
    public SortedMap<String, Scope> regions() {
        return regions;
    }

    private static Scope scope(long[][] sums, int groupings, boolean empirical) {
        long real = sums[0][1];
        long max = 0;
        long atLeast = 0;
        double total = 0;
        double tested = 0;
        double up = 0;
        for (int r = 1; r <= groupings; r++) {
            up += sums[r][2];
            max = Math.max(max, sums[r][1]);
            total += sums[r][1];
            tested += sums[r][0];
            atLeast += sums[r][1] >= real ? 1 : 0;
        }
        double mean = total / groupings;
        double p = empirical ? (1.0 + atLeast) / (groupings + 1) : PoissonTail.atLeast(real, Math.max(mean, 0.5 / groupings));
        return new Scope(sums[0][0], real, sums[0][2], mean, max, tested / groupings, up / groupings, p, p);
    }

}
