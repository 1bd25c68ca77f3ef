package org.sanaq.checks.roundpct;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.regex.Pattern;

/**
 * One cell of the round-percentage check (METHODS.md §6, "repeating decimals"): a count v out of a base b (valid votes
 * for party shares, registered voters for turnout) at a precision of d decimals of a percent, d ∈ {0, 1, 2}.
 *
 * <p>With S = 100 · 10^d: q = round(S · v / b) is the nearest round percentage in units of 10^-d percent, the round
 * target is T = b · q / S, and v is round at d when |v − T| ≤ 0.5. Under honest counting that happens with probability
 * p = min(1, S / b), since one integer in every b / S is the nearest to a round target. Everything except
 * {@link #probability()} and {@link #normalisedOffset()} is exact integer/decimal arithmetic, for counts up to 10^15
 * and beyond.
 */
public final class RoundTarget {

    /** METHODS.md §6: cells whose honest-counting probability exceeds this carry no information. */
    public static final double DEFAULT_MAX_P = 0.2;

    private static final Pattern PUBLISHED_PERCENT = Pattern.compile("[0-9]+(\\.[0-9]+)?");

    private final long votes;
    private final long base;
    private final int decimals;
    private final BigInteger q;
    /** S · v − b · q, i.e. (v − T) · S; an integer, so all comparisons on it are exact. */
    private final BigInteger scaledOffset;

    private RoundTarget(long votes, long base, int decimals, BigInteger q, BigInteger scaledOffset) {
        this.votes = votes;
        this.base = base;
        this.decimals = decimals;
        this.q = q;
        this.scaledOffset = scaledOffset;
    }

    /**
     * Computes the round target of v out of b at d decimals of a percent.
     *
     * @throws IllegalArgumentException if b ≤ 0, v < 0 or d is not 0, 1 or 2
     */
    public static RoundTarget of(long votes, long base, int decimals) {
        checkCounts(votes, base);
        if (decimals < 0 || decimals > 2) {
            throw new IllegalArgumentException("precision d must be 0, 1 or 2 decimals of a percent, got " + decimals);
        }
        BigInteger s = scale(decimals);
        BigInteger b = BigInteger.valueOf(base);
        BigInteger sv = s.multiply(BigInteger.valueOf(votes));
        // q = floor((2·S·v + b) / (2b)) = floor(S·v/b + 1/2): the nearest integer, halves rounded up. On an exact tie
        // (S·v/b = m + 1/2) both m and m + 1 are at distance b / (2S) from v, so |v − T| and hence isRound() do not
        // depend on the tie rule; only the sign of the offset does (rounding up makes it −b / (2S), u = −0.5).
        BigInteger q = sv.shiftLeft(1).add(b).divide(b.shiftLeft(1));
        return new RoundTarget(votes, base, decimals, q, sv.subtract(b.multiply(q)));
    }

    public long votes() {
        return votes;
    }

    public long base() {
        return base;
    }

    public int decimals() {
        return decimals;
    }

    /** q = round(100 · 10^d · v / b): the nearest round percentage, in units of 10^-d percent (5390 for 53.90 %). */
    public BigInteger q() {
        return q;
    }

    /** The nearest round percentage itself, q / 10^d, with d decimals (e.g. 53.90). */
    public BigDecimal roundPercent() {
        return new BigDecimal(q, decimals);
    }

    /** T = b · q / (100 · 10^d), exactly (S is a power of ten, so the quotient is a finite decimal). */
    public BigDecimal target() {
        return new BigDecimal(BigInteger.valueOf(base).multiply(q), decimals + 2);
    }

    /** v − T in votes, exactly. */
    public BigDecimal offset() {
        return new BigDecimal(scaledOffset, decimals + 2);
    }

    /** Whether |v − T| ≤ 0.5 (inclusive), decided exactly as 2 · |S·v − b·q| ≤ S. */
    public boolean isRound() {
        return scaledOffset.abs().shiftLeft(1).compareTo(scale(decimals)) <= 0;
    }

    /** p = min(1, 100 · 10^d / b), the chance that an honestly counted v is round at d. */
    public double probability() {
        // b is exact as a double up to 2^53 and S / b is correctly rounded, so when S / b equals a decimal such as 0.2
        // exactly, p is the same double as the literal 0.2 and the comparison in isEligible is exact at the boundary.
        return Math.min(1.0, scale(decimals).doubleValue() / base);
    }

    /** Whether p ≤ {@value #DEFAULT_MAX_P} (METHODS.md §6). */
    public boolean isEligible() {
        return isEligible(DEFAULT_MAX_P);
    }

    /** Whether p ≤ maxP, i.e. whether the cell carries information about rounding. */
    public boolean isEligible(double maxP) {
        return probability() <= maxP;
    }

    /** 100 · v / b rounded to 5 decimals, HALF_EVEN, as reported per cell. */
    public BigDecimal percent() {
        return percent(votes, base, 5, RoundingMode.HALF_EVEN);
    }

    /**
     * u = (v − T) / s with s = b / (100 · 10^d) the spacing between consecutive round targets, which simplifies to
     * (S·v − b·q) / b; in [−0.5, 0.5], with round cells at |u| ≤ S / (2b). Used for the distance chart.
     */
    public double normalisedOffset() {
        return new BigDecimal(scaledOffset).divide(BigDecimal.valueOf(base), MathContext.DECIMAL128).doubleValue();
    }

    /**
     * Whether a published percentage equals 100 · v / b rounded HALF_UP to as many decimals as it is printed with.
     *
     * @see #publishedMatches(String, long, long, RoundingMode)
     */
    public static boolean publishedMatches(String published, long votes, long base) {
        return publishedMatches(published, votes, base, RoundingMode.HALF_UP);
    }

    /**
     * Whether a published percentage, printed with k decimals ("53.90" has k = 2, "4.1" has k = 1), equals 100 · v / b
     * rounded to k decimals with the given rule. Trailing zeros count as printed decimals.
     *
     * @param published plain decimal digits with an optional fraction, e.g. "42.91" (surrounding blanks are ignored)
     * @throws IllegalArgumentException if {@code published} is not such a number, b ≤ 0 or v < 0
     */
    public static boolean publishedMatches(String published, long votes, long base, RoundingMode mode) {
        BigDecimal computed = computedAsPublished(published, votes, base, mode);
        return new BigDecimal(published.strip()).compareTo(computed) == 0;
    }

    /**
     * 100 · v / b rounded with the given rule to as many decimals as the published percentage is printed with:
     * the figure the publisher should have printed ("42.91" against 341,118 of 788,931 gives 43.24).
     *
     * @throws IllegalArgumentException as {@link #publishedMatches(String, long, long, RoundingMode)}
     */
    public static BigDecimal computedAsPublished(String published, long votes, long base, RoundingMode mode) {
        checkCounts(votes, base);
        if (published == null || !PUBLISHED_PERCENT.matcher(published.strip()).matches()) {
            throw new IllegalArgumentException(
                    "published percentage must be digits with an optional '.' fraction, got '" + published + "'");
        }
        return percent(votes, base, new BigDecimal(published.strip()).scale(), mode);
    }

    private static BigDecimal percent(long votes, long base, int scale, RoundingMode mode) {
        return BigDecimal.valueOf(votes).movePointRight(2).divide(BigDecimal.valueOf(base), scale, mode);
    }

    private static BigInteger scale(int decimals) {
        return BigInteger.TEN.pow(decimals + 2);
    }

    private static void checkCounts(long votes, long base) {
        if (base <= 0) {
            throw new IllegalArgumentException("base b must be positive, got " + base);
        }
        if (votes < 0) {
            throw new IllegalArgumentException("count v must not be negative, got " + votes);
        }
    }

    @Override
    public String toString() {
        return "RoundTarget[v=" + votes + ", b=" + base + ", d=" + decimals + ", q=" + q + ", T=" + target().toPlainString()
                + ", v-T=" + offset().toPlainString() + ", round=" + isRound() + "]";
    }
}
