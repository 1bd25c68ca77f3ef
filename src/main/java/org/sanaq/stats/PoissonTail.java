package org.sanaq.stats;

import org.apache.commons.math3.special.Gamma;

/** The upper tail of a Poisson law, P(X ≥ k) for X ~ Poisson(λ). */
public final class PoissonTail {
    private PoissonTail() {
    }

    /** P(X ≥ k): the regularised lower incomplete gamma P(k, λ), precise in the upper tail; 1 for k ≤ 0. */
    public static double atLeast(long k, double lambda) {
        return k <= 0 ? 1.0 : Gamma.regularizedGammaP(k, lambda);
    }
}
