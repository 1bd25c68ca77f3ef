package org.sanaq.synthetic;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Writes one file's share of the precincts (a contiguous range of indices), inside a Spark task: the published
 * protocols (with malformed rows where planted), the observers' copies of the true figures, and the ground truth
 * of everything altered. Returns the per-region sums of the published protocols, for the regional table.
 */
final class PrecinctFile implements java.io.Serializable {
    private static final long serialVersionUID = 1L;
    static final String OBSERVER_SOURCE = "observer:synthetic";
    static final String TRUTH_HEADER = "level,region,precinct,file,line,irregularity,detail";

    private final SyntheticSpec spec;
    private final HonestElection honest;
    private final PrecinctIrregularities irregularities;

    PrecinctFile(SyntheticSpec spec) {
        this.spec = spec;
        this.honest = new HonestElection(spec);
        this.irregularities = new PrecinctIrregularities(spec);
    }

    static String precinctsName(int file) {
        return String.format(Locale.ROOT, "precincts-%05d.csv", file);
    }

    static String observersName(int file) {
        return String.format(Locale.ROOT, "observers-%05d.csv", file);
    }

    static String truthName(int file) {
        return String.format(Locale.ROOT, "truth-%05d.csv", file);
    }

    static long first(SyntheticSpec spec, int file) {
        return spec.precincts() * file / spec.files();
    }

    /** Writes file number {@code file} into {@code out}; returns the region sums (null where no precinct). */
    Protocol[] write(int file, OutputFiles out) {
        Protocol[] sums = new Protocol[spec.regions()];
        String name = precinctsName(file);
        boolean observed = spec.plants("observer_copies");
        try (Lines published = new Lines(out.create(name));
                Lines observers = observed ? new Lines(out.create(observersName(file))) : null;
                Lines truth = new Lines(out.create(truthName(file)))) {
            String header = Protocol.header(spec.candidates(), spec.districts().any());
            published.write(header);
            if (observers != null) {
                observers.write(header);
            }
            truth.write(TRUTH_HEADER);
            int last = spec.panel().elections();
            for (long i = first(spec, file), end = first(spec, file + 1); i < end; i++) {
                String id = Long.toString(i + 1);
                // a panel's earlier elections, honest, before the last one that the job analyses
                for (int e = 1; e < last; e++) {
                    Protocol earlier = honest.precinct(i, e);
                    published.write(earlier.csv(spec.election(e), "official", "precinct",
                            HonestElection.regionName(earlier.region), id));
                }
                Protocol truePrecinct = honest.precinct(i, last);
                Protocol p = truePrecinct.copy();
                String region = HonestElection.regionName(p.region);
                List<PrecinctIrregularities.Planted> planted = irregularities.plant(i, p);
                String line = p.csv(spec.election(), "official", "precinct", region, id);
                published.write(line);
                for (PrecinctIrregularities.Planted pl : planted) {
                    truth.write(truthLine(region, id, name, published.count(), pl.irregularity(), pl.detail()));
                }
                if (spec.plants("malformed_rows")) {
                    malformed(i, line, published, truth, region, id, name);
                }
                if (observers != null) {
                    observerCopies(i, truePrecinct, observers, truth, region, id, file);
                }
                if (sums[p.region] == null) {
                    sums[p.region] = new Protocol(p.region, new long[p.counts.length], new long[p.votes.length]);
                }
                sums[p.region].add(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return sums;
    }

    static String truthLine(String region, String precinct, String file, long line, String irregularity,
            String detail) {
        return String.join(",", precinct.isEmpty() ? "region" : "precinct", region, precinct, file,
                Long.toString(line), irregularity, detail);
    }

    /** A malformed extra record after the precinct's own: a bad number, a missing field, bad bytes, a duplicate. */
    private void malformed(long i, String line, Lines out, Lines truth, String region, String id, String file)
            throws IOException {
        SplittableRandom r = Draws.stream(spec.seed(), i, Draws.Purpose.MALFORMED_ROWS);
        if (r.nextDouble() >= spec.parameter("malformed_rows", "fraction")) {
            return;
        }
        String kind;
        switch (r.nextInt(4)) {
            case 0 -> {
                kind = "bad_number: registered written with a letter O for a zero";
                String[] cells = line.split(",", -1);
                cells[5] = cells[5] + "O";
                out.write(String.join(",", cells));
            }
            case 1 -> {
                kind = "missing_field: the last cell dropped";
                out.write(line.substring(0, line.lastIndexOf(',')));
            }
            case 2 -> {
                kind = "wrong_encoding: the region name in windows-1251 bytes that are not UTF-8";
                out.writeBytes(line.replace(region, "\u0420\u0435\u0433\u0438\u043e\u043d")
                        .getBytes(java.nio.charset.Charset.forName("windows-1251")));
            }
            default -> {
                kind = "duplicate: the precinct's record repeated (a valid record; no quarantine expected)";
                out.write(line);
            }
        }
        truth.write(truthLine(region, id, file, out.count(), "malformed_rows", kind));
    }

    /**
     * Observers' copies of the true (pre-falsification) figures: coverage, transcription noise (one digit of one
     * candidate's votes changed), duplicate copies and copies that conflict with another copy.
     */
    private void observerCopies(long i, Protocol truePrecinct, Lines out, Lines truth, String region, String id,
            int file) throws IOException {
        SplittableRandom r = Draws.stream(spec.seed(), i, Draws.Purpose.OBSERVER_COPIES);
        if (r.nextDouble() >= spec.parameter("observer_copies", "coverage")) {
            return;
        }
        String name = observersName(file);
        Protocol copy = truePrecinct.copy();
        String detail = "true figures";
        if (r.nextDouble() < spec.parameter("observer_copies", "noise")) {
            int c = r.nextInt(copy.votes.length);
            long before = copy.votes[c];
            long place = (long) Math.pow(10, r.nextInt(Math.max(1, Long.toString(before).length())));
            long digit = before / place % 10;
            copy.votes[c] = before - digit * place + (digit + 1 + r.nextInt(9)) % 10 * place;
            detail = "transcription error: " + spec.candidates().get(c) + " " + before + " written " + copy.votes[c];
        }
        String line = copy.csv(spec.election(), OBSERVER_SOURCE, "precinct", region, id);
        out.write(line);
        truth.write(truthLine(region, id, name, out.count(), "observer_copies", detail));
        if (r.nextDouble() < spec.parameter("observer_copies", "duplicates")) {
            out.write(line);
            truth.write(truthLine(region, id, name, out.count(), "observer_copies", "duplicate copy"));
        }
        if (r.nextDouble() < spec.parameter("observer_copies", "conflicts")) {
            Protocol other = truePrecinct.copy();
            long delta = 1 + r.nextInt(20);
            other.votes[0] += delta;
            out.write(other.csv(spec.election(), OBSERVER_SOURCE, "precinct", region, id));
            truth.write(truthLine(region, id, name, out.count(), "observer_copies",
                    "conflicting copy: leader +" + delta + " against the true figures"));
        }
    }

    /** UTF-8 lines ending in a newline, counted (the header is line 1). */
    static final class Lines implements AutoCloseable {
        private final OutputStream out;
        private long count;

        Lines(OutputStream out) {
            this.out = new BufferedOutputStream(out, 1 << 16);
        }

        void write(String line) throws IOException {
            writeBytes(line.getBytes(StandardCharsets.UTF_8));
        }

        void writeBytes(byte[] bytes) throws IOException {
            out.write(bytes);
            out.write('\n');
            count++;
        }

        long count() {
            return count;
        }

        @Override
        public void close() throws IOException {
            out.close();
        }
    }
}
