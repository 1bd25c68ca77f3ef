package org.sanaq.synthetic;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.function.Supplier;

/**
 * Plants the per-precinct irregularities a spec switches on into one precinct's protocol, and says what was done.
 * Each irregularity decides from its own stream of (seed, precinct), so planting one does not move another, and
 * the honest figures stay those of the clean election with the same seed.
 */
final class PrecinctIrregularities implements Serializable {
    private static final long serialVersionUID = 1L;
    private final SyntheticSpec spec;

    PrecinctIrregularities(SyntheticSpec spec) {
        this.spec = spec;
    }

    /** What one irregularity did to one protocol: its name and a detail in words (no commas). */
    record Planted(String irregularity, String detail) {
    }

    /**
     * Alters {@code p} in place; returns what was planted, in the order applied (empty for an honest precinct).
     * An irregularity that happened to change nothing (a stuffing fraction that rounds to no ballot, a share
     * already whole) is not recorded, so the ground truth names exactly the protocols that differ.
     */
    List<Planted> plant(long index, Protocol p) {
        List<Planted> out = new ArrayList<>(1);
        if (spec.plants("stuffing")) {
            keepIfChanged(p, out, () -> stuffing(random(index, Draws.Purpose.STUFFING), p));
        }
        if (spec.plants("jump") && chosen(index, Draws.Purpose.JUMP, "jump")) {
            keepIfChanged(p, out, () -> jump(p));
        }
        if (spec.plants("switching") && chosen(index, Draws.Purpose.SWITCHING, "switching")) {
            keepIfChanged(p, out, () -> new Planted("switching", p.switchToLeader(Math.round(
                    spec.parameter("switching", "share") * (p.counts[Protocol.VALID] - p.votes[0])))
                    + " votes moved from the others to the leader"));
        }
        if (spec.plants("integer_percentages")
                && chosen(index, Draws.Purpose.INTEGER_PERCENTAGES, "integer_percentages")) {
            keepIfChanged(p, out, () -> integerPercentages(p));
        }
        if (spec.plants("last_digit") && chosen(index, Draws.Purpose.LAST_DIGIT, "last_digit")) {
            keepIfChanged(p, out, () -> lastDigit(p));
        }
        if (spec.plants("broken_relations") && chosen(index, Draws.Purpose.BROKEN_RELATIONS, "broken_relations")) {
            keepIfChanged(p, out, () -> brokenRelation(random(index, Draws.Purpose.BROKEN_RELATIONS), p));
        }
        return out;
    }

    private static void keepIfChanged(Protocol p, List<Planted> out, Supplier<Planted> irregularity) {
        Protocol before = p.copy();
        Planted planted = irregularity.get();
        if (planted != null && !(Arrays.equals(before.counts, p.counts) && Arrays.equals(before.votes, p.votes))) {
            out.add(planted);
        }
    }

    private SplittableRandom random(long index, Draws.Purpose purpose) {
        return Draws.stream(spec.seed(), index, purpose);
    }

    /** Whether the precinct is among the spec's {@code fraction} of precincts altered by this irregularity. */
    private boolean chosen(long index, Draws.Purpose purpose, String irregularity) {
        return random(index, purpose).nextDouble() < spec.parameter(irregularity, "fraction");
    }

    /**
     * Klimek, Yegorov, Hanel &amp; Thurner (PNAS 2012): with probability fi a precinct has incremental fraud, a
     * fraction x ~ |N(0, σx)| of its non-voters is cast for the leader and a fraction x^α of the other candidates'
     * votes is moved to the leader; with probability fe extreme fraud, the same with x ~ N(1 − σx, σx) clipped
     * to [0, 1] (nearly every non-voter "votes").
     */
    private Planted stuffing(SplittableRandom r, Protocol p) {
        double u = r.nextDouble();
        double fe = spec.parameter("stuffing", "fe");
        double fi = spec.parameter("stuffing", "fi");
        double sigma = spec.parameter("stuffing", "sigma_x");
        double x;
        String kind;
        if (u < fe) {
            x = Math.max(0, Math.min(1, 1 - sigma + sigma * r.nextGaussian()));
            kind = "extreme";
        } else if (u < fe + fi) {
            x = Math.min(1, Math.abs(sigma * r.nextGaussian()));
            kind = "incremental";
        } else {
            return null;
        }
        return stuff(p, kind, x, spec.parameter("stuffing", "alpha"));
    }

    /**
     * A jump between a panel's elections: in the last election, a chosen precinct is stuffed as {@link #stuffing}
     * stuffs, with x = {@code size} and stuffing's default α.
     */
    private Planted jump(Protocol p) {
        Planted stuffed = stuff(p, "jump", spec.parameter("jump", "size"),
                SyntheticSpec.IRREGULARITIES.get("stuffing").get("alpha"));
        return new Planted("jump", stuffed.detail());
    }

    /**
     * Fraud of intensity x in one precinct: a fraction x^α of the other candidates' votes moved to the leader, then
     * a fraction x of the non-voters' ballots cast for the leader (the fit's {@code checks.klimek.FraudTransform}).
     */
    static Planted stuff(Protocol p, String kind, double x, double alpha) {
        long stolen = p.switchToLeader(Math.round(Math.pow(x, alpha) * (p.counts[Protocol.VALID] - p.votes[0])));
        long stuffed = Math.round(x * (p.counts[Protocol.REGISTERED] - p.issued()));
        p.castForLeader(stuffed);
        return new Planted("stuffing", String.format(Locale.ROOT, "%s x=%.4f: %d ballots added for the leader; "
                + "%d votes moved from the others", kind, x, stuffed, stolen));
    }

    /**
     * Turnout (issued / registered) pushed up to the next whole percent by ballots for the leader, then the
     * leader's share of valid + invalid pushed up to the next whole percent by votes taken from the others.
     */
    private static Planted integerPercentages(Protocol p) {
        long registered = p.counts[Protocol.REGISTERED];
        long target = (long) Math.ceil(100.0 * p.issued() / registered);
        long stuffed = Math.round(target * registered / 100.0) - p.issued();
        if (stuffed < 0 || !p.castForLeader(stuffed)) {
            stuffed = 0;
        }
        long base = p.counts[Protocol.VALID] + p.counts[Protocol.INVALID];
        long share = (long) Math.ceil(100.0 * p.votes[0] / base);
        long moved = Math.max(0, Math.round(share * base / 100.0) - p.votes[0]);
        moved = p.switchToLeader(moved);
        return new Planted("integer_percentages", String.format(Locale.ROOT,
                "turnout set to %d%% (+%d ballots for the leader); leader share set to %d%% (%d votes moved)",
                target, stuffed, share, moved));
    }

    /** Invented counts: each candidate's votes of 10 or more written as the nearest multiple of 5. */
    private static Planted lastDigit(Protocol p) {
        long before = p.totalVotes();
        long[] old = p.votes.clone();
        for (int c = 1; c < p.votes.length; c++) {
            if (p.votes[c] >= 10) {
                p.votes[c] = Math.round(p.votes[c] / 5.0) * 5;
            }
        }
        // the leader's change keeps the accounting: ballots added or removed for it balance the others' changes
        long othersChange = p.totalVotes() - before;
        p.votes[0] -= othersChange;
        long leader = p.votes[0];
        long rounded = leader >= 10 ? Math.round(leader / 5.0) * 5 : leader;
        if (!p.castForLeader(rounded - leader)) {
            System.arraycopy(old, 0, p.votes, 0, old.length);
            return null;
        }
        return new Planted("last_digit", "votes written as multiples of 5: " + Arrays.toString(old).replace(",", ";")
                + " became " + Arrays.toString(p.votes).replace(",", ";"));
    }

    /** One control relation broken by a difference of 1 to 50. */
    private static Planted brokenRelation(SplittableRandom r, Protocol p) {
        r.nextDouble(); // the draw that chose the precinct
        long k = 1 + r.nextInt(50);
        String relation;
        switch (r.nextInt(3)) {
            case 0 -> {
                p.votes[0] += k;
                relation = "valid = sum of votes";
            }
            case 1 -> {
                p.counts[Protocol.STATIONARY] += k;
                relation = "ballots in boxes = invalid + valid";
            }
            default -> {
                p.counts[Protocol.CANCELLED] += k;
                relation = "received = issued + cancelled + lost - unaccounted";
            }
        }
        return new Planted("broken_relations", relation + " broken by " + k);
    }
}
