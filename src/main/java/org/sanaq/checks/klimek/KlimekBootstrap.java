package org.sanaq.checks.klimek;

import java.util.SplittableRandom;

import org.sanaq.checks.fingerprint.TurnoutShareCell;
import org.sanaq.stats.Mix64;

/**
 * A Poisson bootstrap of precincts done on the aggregate ({@link CellSizes}): each precinct is drawn a Poisson(1)
 * number of times, so the n precincts of a (cell, size class) entry are drawn Poisson(n) times in all, and the entry
 * weighs its mean size ΣV/n times that. Exact when the entry's precincts are of one size, within a factor 2 of each
 * precinct's own size otherwise (a size class spans a doubling). Poisson(n) is drawn as a sum of n Poisson(1)
 * draws by inversion, so a replicate costs one draw per precinct. Replicate b of a scope has its own stream, seeded
 * from the job's seed, the scope's name and b.
 */
final class KlimekBootstrap {
    private static final double E_INVERSE = Math.exp(-1);

    private KlimekBootstrap() {
    }

    /** The stream of replicate {@code b} of a scope. */
    static SplittableRandom random(long seed, String scope, int b) {
        return new SplittableRandom(Mix64.mix(Mix64.mix(Mix64.mix(seed) ^ scope.hashCode()) + b));
    }

    /** One replicate's voters per cell. */
    static double[] replicate(CellSizes.Sorted sizes, SplittableRandom random) {
        double[] map = new double[TurnoutShareCell.CELLS];
        for (int i = 0; i < sizes.cells().length; i++) {
            long n = sizes.precincts()[i];
            long draws = 0;
            for (long p = 0; p < n; p++) {
                draws += poissonOne(random);
            }
            map[sizes.cells()[i]] += (double) sizes.voters()[i] / n * draws;
        }
        return map;
    }

    /** A Poisson(1) draw by inversion of its distribution function. */
    static int poissonOne(SplittableRandom random) {
        double u = random.nextDouble();
        int k = 0;
        double p = E_INVERSE;
        double cumulative = p;
        while (u > cumulative && k < 30) {
            k++;
            p /= k;
            cumulative += p;
        }
        return k;
    }

    /** The type 7 quantile (linear between order statistics) of sorted values. */
    static double quantile(double[] sorted, double q) {
        double h = (sorted.length - 1) * q;
        int low = (int) Math.floor(h);
        int high = Math.min(sorted.length - 1, low + 1);
        return sorted[low] + (h - low) * (sorted[high] - sorted[low]);
    }
}
