package org.sanaq.synthetic;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * How often each digit statistic flagged honest synthetic elections of a given size: the honest rows of the digit
 * calibration ({@link DigitCalibration}), shipped as the resource {@value #RESOURCE} for the report's placebo
 * ("flagged in k of 200 honest simulations of this size"); and, in the same form, the fraud-model fit's ({@value
 * #KLIMEK}, from {@link KlimekRecovery}). Lines starting with {@code #} are comments.
 */
public final class HonestRates {
    public static final String RESOURCE = "/org/sanaq/calibration/honest-digit-rates.csv";
    /** The fraud-model fit's honest rates, from its parameter recovery ({@link KlimekRecovery}). */
    public static final String KLIMEK = "/org/sanaq/calibration/honest-klimek-rates.csv";
    static final String HEADER = "precincts,statistic,seeds,flagged_seeds";

    /** The honest elections of {@code precincts} precincts in which {@code statistic} flagged any cell. */
    public record Rate(long precincts, String statistic, int seeds, int flaggedSeeds) {
        public double rate() {
            return (double) flaggedSeeds / seeds;
        }
    }

    private final List<Rate> rates;

    HonestRates(List<Rate> rates) {
        this.rates = List.copyOf(rates);
    }

    /** The shipped rates of the digit tests. */
    public static HonestRates shipped() {
        return resource(RESOURCE).orElseThrow(() -> new IllegalStateException("the resource " + RESOURCE
                + " is missing from the build"));
    }

    /** The rates of a shipped resource ({@link #RESOURCE}, {@link #KLIMEK}), or empty while it is not shipped. */
    public static Optional<HonestRates> resource(String name) {
        try (InputStream in = HonestRates.class.getResourceAsStream(name)) {
            return in == null ? Optional.empty() : Optional.of(read(in));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static HonestRates read(InputStream in) throws IOException {
        List<Rate> out = new ArrayList<>();
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        for (String line = reader.readLine(); line != null; line = reader.readLine()) {
            if (line.isBlank() || line.startsWith("#") || line.equals(HEADER)) {
                continue;
            }
            String[] f = line.split(",", -1);
            if (f.length != 4) {
                throw new IllegalStateException("honest digit rates: not " + HEADER + ": " + line);
            }
            out.add(new Rate(Long.parseLong(f[0]), f[1], Integer.parseInt(f[2]), Integer.parseInt(f[3])));
        }
        return new HonestRates(out);
    }

    /**
     * The rate of {@code statistic} (a digit_tests metric, e.g. {@code c05s}) at the largest calibrated size not
     * above {@code precincts}, or at the smallest calibrated size when every one is above it; empty when the
     * statistic was not calibrated.
     */
    public Optional<Rate> forSize(long precincts, String statistic) {
        List<Rate> ofStatistic = rates.stream().filter(r -> r.statistic().equals(statistic))
                .sorted(Comparator.comparingLong(Rate::precincts)).toList();
        if (ofStatistic.isEmpty()) {
            return Optional.empty();
        }
        Rate chosen = ofStatistic.get(0);
        for (Rate r : ofStatistic) {
            if (r.precincts() <= precincts) {
                chosen = r;
            }
        }
        return Optional.of(chosen);
    }
}
