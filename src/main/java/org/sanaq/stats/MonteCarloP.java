package org.sanaq.stats;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.Locale;

/**
 * How a Monte Carlo p-value is written. With R simulations the estimate (1 + #{simulated ≥ observed}) / (R + 1) is
 * never below 1/(R + 1), its floor: a p-value at the floor says only that no simulation reached the observation, so
 * it is written "&lt; 1/(R + 1)" (with 1,000 simulations, "&lt; 0.001"), never as a value a reader could rank.
 */
public final class MonteCarloP {
    private MonteCarloP() {
    }

    /** The smallest p-value R simulations can give: 1/(R + 1). */
    public static double floor(int simulations) {
        return 1.0 / (simulations + 1.0);
    }

    /** Whether {@code p} is the floor of R simulations (no simulation reached the observation). */
    public static boolean atFloor(double p, int simulations) {
        return p <= floor(simulations) * (1 + 1e-9);
    }

    /**
     * The p-value with its relation, for a sentence: "&lt; 0.001" at the floor of 1,000 simulations (the floor rounded
     * up to two significant digits, so that the bound stays true), "= 0.159" above it ({@link #shown}).
     */
    public static String relation(double p, int simulations) {
        if (atFloor(p, simulations)) {
            return "< " + new BigDecimal(floor(simulations)).round(new MathContext(2, RoundingMode.UP))
                    .stripTrailingZeros().toPlainString();
        }
        return "= " + shown(p);
    }

    /** A p-value for a sentence: three decimals from 0.001 up, one significant digit and an exponent below. */
    public static String shown(double p) {
        return p >= 0.001 ? String.format(Locale.ROOT, "%.3f", p) : String.format(Locale.ROOT, "%.1e", p);
    }
}
