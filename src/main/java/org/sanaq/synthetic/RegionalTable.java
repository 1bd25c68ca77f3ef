package org.sanaq.synthetic;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * The published region and national table: each region the sum of its published precincts, the nation the sum of
 * the regions. With {@code round_regional_totals} planted, chosen regions' counts are computed backwards from
 * percentages rounded to {@code decimals} places (turnout of registered, each candidate's share of valid), as a
 * table assembled from chosen percentages would be (METHODS.md §6).
 */
final class RegionalTable {
    static final String FILE = "regions.csv";
    static final String TRUTH_FILE = "truth-regions.csv";

    private RegionalTable() {
    }

    static void write(SyntheticSpec spec, Protocol[] sums, OutputFiles out) throws IOException {
        List<Integer> rounded = roundedRegions(spec);
        try (PrecinctFile.Lines table = new PrecinctFile.Lines(out.create(FILE));
                PrecinctFile.Lines truth = new PrecinctFile.Lines(out.create(TRUTH_FILE))) {
            table.write(Protocol.header(spec.candidates(), false));
            truth.write(PrecinctFile.TRUTH_HEADER);
            Protocol nation = new Protocol(-1, new long[Protocol.COUNTS.size()], new long[spec.candidates().size()]);
            for (int r = 0; r < sums.length; r++) {
                if (sums[r] == null) {
                    continue;
                }
                Protocol region = sums[r].copy();
                String name = HonestElection.regionName(r);
                if (rounded.contains(r)) {
                    String detail = roundBackwards(region, (int) spec.parameter("round_regional_totals", "decimals"));
                    truth.write(PrecinctFile.truthLine(name, "", FILE, table.count() + 1, "round_regional_totals",
                            detail));
                }
                table.write(region.csv(spec.election(), "official", "region", name, ""));
                nation.add(region);
            }
            table.write(nation.csv(spec.election(), "official", "national", spec.country(), ""));
        }
    }

    /** The regions whose totals are back-computed: the first k of a seeded shuffle. */
    static List<Integer> roundedRegions(SyntheticSpec spec) {
        if (!spec.plants("round_regional_totals")) {
            return List.of();
        }
        int k = (int) Math.min(spec.regions(), spec.parameter("round_regional_totals", "regions"));
        Integer[] order = new Integer[spec.regions()];
        Arrays.setAll(order, i -> i);
        SplittableRandom r = Draws.stream(spec.seed(), 0, Draws.Purpose.ROUND_REGIONS);
        for (int i = order.length - 1; i > 0; i--) {
            int j = r.nextInt(i + 1);
            Integer t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        return new ArrayList<>(Arrays.asList(order).subList(0, k));
    }

    /** The count nearest to base × (the count's percentage rounded to {@code d} decimals). */
    static long fromRoundPercentage(long count, long base, int d) {
        double scale = 100 * Math.pow(10, d);
        long q = Math.round(scale * count / base);
        return Math.round(base * (double) q / scale);
    }

    private static String roundBackwards(Protocol p, int d) {
        long valid = p.counts[Protocol.VALID];
        long registered = p.counts[Protocol.REGISTERED];
        String before = Arrays.toString(p.votes);
        for (int c = 0; c < p.votes.length; c++) {
            p.votes[c] = fromRoundPercentage(p.votes[c], valid, d);
        }
        long issued = p.issued();
        long change = fromRoundPercentage(issued, registered, d) - issued;
        p.counts[Protocol.IN_STATION] += change;
        p.counts[Protocol.CANCELLED] -= change;
        return String.format(Locale.ROOT, "votes %s became %s and ballots issued %d became %d: percentages rounded "
                + "to %d decimals", before, Arrays.toString(p.votes), issued, issued + change, d).replace(",", ";");
    }
}
