package org.sanaq.checks.digits;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongToDoubleFunction;

import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.linear.RealVector;
import org.apache.commons.math3.linear.SingularValueDecomposition;
import org.apache.commons.math3.special.Gamma;

/**
 * The test of observed against expected weighted shares over the tested values of a {@link SmoothCountLaw}: for
 * each weight a_k, the observed statistic R_k = Σ a_k(v)·h(v) / Σ h(v) against the expected one
 * R̂_k = Σ a_k(v)·E(v) / Σ E(v), the sums running over the tested values v. With a_k the indicator of 0 and 5 this is
 * C05s; a = v mod 10 gives LastC; the indicators of the digits 0..8 give the last-digit chi-square (the share of 9 is
 * 1 minus the others, for the observed and the expected alike, so it adds nothing); the pairs and P05s are shares.
 *
 * <p>Variance by the delta method. Every R_k − R̂_k is a smooth function of the h(u), and E(v) depends on the
 * neighbours' h(u) only, with ∂E(v)/∂h(u) given by the law. Linearised, D_k = R_k − R̂_k ≈ Σ_u c_k(u)·h(u) with
 * c_k(u) = [u tested]·(a_k(u) − R_k) / Σh − Σ_{v tested, u a neighbour of v} (a_k(v) − R̂_k)·∂E(v)/∂h(u) / ΣE,
 * so a value that is both tested and a neighbour of others carries both terms, and the covariance between the
 * observed and the expected is counted. The h(u) being independent Poisson, Cov(D) = Σ_u μ(u)·c(u)·c(u)ᵀ, estimated
 * with μ(u) = h(u). The Wald statistic W = Dᵀ·Cov(D)⁺·D is chi-square with as many degrees of freedom as Cov(D) has
 * rank (the Moore–Penrose inverse by singular values: a digit that no tested value ends in has D = 0 and no
 * variance, and only lowers the rank); with one weight W = z² and its p is the two-sided normal p.
 */
final class SmoothShareTest {

    private SmoothShareTest() {
    }

    /**
     * The observed and expected statistics of a set of weights, the Wald statistic, its degrees of freedom and its
     * p-value (NaN with no degree of freedom), and the counts tested.
     */
    record Result(double[] observed, double[] expected, double chiSquare, int degrees, double p, long tested) {
    }

    /** The test of the weights {@code weights} over the tested values of {@code law}. */
    static Result of(SmoothCountLaw law, List<SmoothCountLaw.Expectation> tested, LongToDoubleFunction... weights) {
        int k = weights.length;
        long observedTotal = 0;
        double expectedTotal = 0;
        double[] observed = new double[k];
        double[] expected = new double[k];
        for (SmoothCountLaw.Expectation e : tested) {
            observedTotal += e.observed();
            expectedTotal += e.expected();
            for (int j = 0; j < k; j++) {
                double a = weights[j].applyAsDouble(e.value());
                observed[j] += a * e.observed();
                expected[j] += a * e.expected();
            }
        }
        if (observedTotal == 0 || expectedTotal <= 0) {
            return new Result(nan(k), nan(k), Double.NaN, 0, Double.NaN, observedTotal);
        }
        for (int j = 0; j < k; j++) {
            observed[j] /= observedTotal;
            expected[j] /= expectedTotal;
        }
        Map<Long, double[]> influence = new HashMap<>();
        for (SmoothCountLaw.Expectation e : tested) {
            double[] own = influence.computeIfAbsent(e.value(), u -> new double[k]);
            for (int j = 0; j < k; j++) {
                double a = weights[j].applyAsDouble(e.value());
                own[j] += (a - observed[j]) / observedTotal;
                for (int i = 0; i < e.neighbours().length; i++) {
                    influence.computeIfAbsent(e.neighbours()[i], u -> new double[k])[j] -= (a - expected[j])
                            * e.derivatives()[i] / expectedTotal;
                }
            }
        }
        double[][] covariance = new double[k][k];
        for (Map.Entry<Long, double[]> e : influence.entrySet()) {
            long h = law.count(e.getKey());
            double[] c = e.getValue();
            for (int i = 0; i < k; i++) {
                for (int j = 0; j < k; j++) {
                    covariance[i][j] += h * c[i] * c[j];
                }
            }
        }
        double[] difference = new double[k];
        for (int j = 0; j < k; j++) {
            difference[j] = observed[j] - expected[j];
        }
        SingularValueDecomposition svd = new SingularValueDecomposition(new Array2DRowRealMatrix(covariance));
        int rank = svd.getRank();
        if (rank == 0) {
            return new Result(observed, expected, Double.NaN, 0, Double.NaN, observedTotal);
        }
        RealMatrix inverse = svd.getSolver().getInverse();
        RealVector d = new ArrayRealVector(difference);
        double chiSquare = d.dotProduct(inverse.operate(d));
        // the regularised upper incomplete gamma keeps precision where 1 − cdf would round to 0
        return new Result(observed, expected, chiSquare, rank, Gamma.regularizedGammaQ(rank / 2.0, chiSquare / 2),
                observedTotal);
    }

    private static double[] nan(int k) {
        double[] out = new double[k];
        java.util.Arrays.fill(out, Double.NaN);
        return out;
    }
}
