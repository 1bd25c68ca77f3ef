package org.sanaq.synthetic;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The digit tests' rates of flags on honest synthetic elections, read from the calibration table
 * {@value #RESOURCE} (columns {@code precincts,statistic,seeds,flagged_seeds}: of {@code seeds} honest elections of
 * {@code precincts} precincts, how many had a flag on {@code statistic}, a metric name of the digit tests). A
 * missing table is an empty one.
 */
public final class HonestRates {
    static final String RESOURCE = "/org/sanaq/calibration/honest-digit-rates.csv";
    private static final List<Rate> TABLE = load();

    /**
     * One line of the table: {@code flaggedSeeds} of {@code seeds} honest elections of {@code precincts} precincts
     * had a flag on {@code statistic}.
     */
    public record Rate(long precincts, String statistic, long seeds, long flaggedSeeds) {
    }

    private HonestRates() {
    }

    /** The rate of {@code statistic} at the calibrated size nearest below or at {@code precincts}; empty if none. */
    public static Optional<Rate> forSize(long precincts, String statistic) {
        return forSize(TABLE, precincts, statistic);
    }

    static Optional<Rate> forSize(List<Rate> table, long precincts, String statistic) {
        return table.stream().filter(r -> r.statistic().equals(statistic) && r.precincts() <= precincts)
                .max(Comparator.comparingLong(Rate::precincts));
    }

    /** The rates of a table in the resource's format (a header line, then one rate per line). */
    static List<Rate> read(Reader in) throws IOException {
        List<Rate> out = new ArrayList<>();
        BufferedReader lines = new BufferedReader(in);
        lines.readLine();
        for (String line = lines.readLine(); line != null; line = lines.readLine()) {
            if (line.isBlank()) {
                continue;
            }
            String[] f = line.split(",", -1);
            out.add(new Rate(Long.parseLong(f[0].trim()), f[1].trim(), Long.parseLong(f[2].trim()),
                    Long.parseLong(f[3].trim())));
        }
        return List.copyOf(out);
    }

    private static List<Rate> load() {
        try (InputStream in = HonestRates.class.getResourceAsStream(RESOURCE)) {
            return in == null ? List.of() : read(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
