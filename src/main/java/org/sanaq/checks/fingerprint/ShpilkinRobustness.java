package org.sanaq.checks.fingerprint;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.DoubleFunction;

import org.sanaq.checks.SpecialStations;
import org.sanaq.results.DetailTable;
import org.sanaq.schema.Conventions;
import org.sanaq.text.Messages;

/**
 * How far Shpilkin's estimate ({@link ShpilkinExcess}) moves with the choices it rests on, as the field reports it
 * (Shpilkin's own estimates come with the clean peak's position and the stations counted): the clean peak moved by
 * ±1 and ±2 turnout points (the same bins, the ratio taken at the moved bin), the stations marked special counted
 * the other way than the job counts them (their own clean peak), and turnout under each other convention
 * (ballots issued or ballots cast; their own clean peak, over the precincts that report that numerator). The range
 * is the least and the greatest excess among the variants that have one.
 */
final class ShpilkinRobustness {
    static final String TABLE = FingerprintCheck.ID + "_shpilkin_robustness";
    private static final String KEY = FingerprintCheck.ID + ".robustness.";
    private static final int[] SHIFTS = {-2, -1, 1, 2};

    /** One way of computing the excess: its words, the bin its clean peak was put at, and its precincts. */
    record Variant(String description, int peak, ShpilkinExcess excess, long stations) {
    }

    private final Messages messages;
    private final List<Variant> variants = new ArrayList<>();
    private final List<String> missingConventions = new ArrayList<>();

    /**
     * @param leader the leader's votes per bin of the estimate's precincts
     * @param others the other candidates' votes per bin of the same precincts
     * @param estimate the excess at the clean peak of those bins
     * @param stations the estimate's precincts
     * @param turnout the job's turnout convention
     * @param special whether the job counts the special stations
     */
    ShpilkinRobustness(Messages messages, long[] leader, long[] others, ShpilkinExcess estimate, long stations,
            ShpilkinVariants bins, Conventions.Turnout turnout, SpecialStations special) {
        this.messages = messages;
        int peak = estimate.peak();
        variants.add(new Variant(messages.format(KEY + "estimate", peak, peak + 1, turnoutWords(turnout),
                specialWords(special.included())), peak, estimate, stations));
        for (int shift : SHIFTS) {
            int moved = peak + shift;
            variants.add(new Variant(messages.format(KEY + (shift < 0 ? "peak_lower" : "peak_higher"),
                    Math.abs(shift), moved, moved + 1), moved, ShpilkinExcess.at(leader, others, moved), stations));
        }
        variants.add(variant(messages.format(KEY + "special", specialWords(!special.included())),
                bins.bins(turnout, !special.included())));
        for (Conventions.Turnout other : Conventions.Turnout.values()) {
            ShpilkinVariants.Bins under = bins.bins(other, special.included());
            if (other == turnout) {
                continue;
            }
            if (under.stations == 0) {
                missingConventions.add(turnoutWords(other));
                variants.add(new Variant(messages.format(KEY + "convention_missing", turnoutWords(other)), -1,
                        ShpilkinExcess.at(under.leader, under.others, -1), 0));
            } else {
                variants.add(variant(messages.format(KEY + "convention", turnoutWords(other)), under));
            }
        }
    }

    private static Variant variant(String description, ShpilkinVariants.Bins bins) {
        ShpilkinExcess excess = bins.excess();
        return new Variant(description, excess.peak(), excess, bins.stations);
    }

    List<Variant> variants() {
        return variants;
    }

    /** The least excess among the variants that have one. */
    double low() {
        return excesses().min().orElse(Double.NaN);
    }

    /** The greatest excess among the variants that have one. */
    double high() {
        return excesses().max().orElse(Double.NaN);
    }

    private java.util.stream.DoubleStream excesses() {
        return variants.stream().mapToDouble(v -> v.excess().excess()).filter(Double::isFinite);
    }

    /** The finding's clause: "between X and Y across the clean peak ± 2 points, special stations in or out ...". */
    String range(DoubleFunction<String> count) {
        String conventions = missingConventions.isEmpty() ? messages.format(KEY + "conventions_all")
                : messages.format(KEY + "conventions_missing", String.join(", ", missingConventions));
        return messages.format(KEY + "range", count.apply(low()), count.apply(high()), conventions);
    }

    /** One row a variant: its words, clean peak, precincts, excess in votes and in % of the leader's votes. */
    DetailTable table() {
        List<List<String>> rows = new ArrayList<>();
        for (Variant v : variants) {
            boolean some = Double.isFinite(v.excess().excess());
            rows.add(List.of(v.description(), v.peak() >= 0 ? Integer.toString(v.peak()) : "",
                    Long.toString(v.stations()), some ? FingerprintJudge.fixed(v.excess().excess()) : "",
                    some ? FingerprintJudge.fixed(100 * v.excess().share()) : ""));
        }
        return new DetailTable(TABLE, messages.format(KEY + "title"), List.of("description", "shpilkin_peak_turnout",
                "stations", "shpilkin_excess_votes", "shpilkin_excess_pct_of_leader"), rows);
    }

    private String turnoutWords(Conventions.Turnout turnout) {
        return messages.format(KEY + "turnout." + turnout.name().toLowerCase(Locale.ROOT));
    }

    private String specialWords(boolean included) {
        return messages.format(KEY + (included ? "special_included" : "special_excluded"));
    }
}
