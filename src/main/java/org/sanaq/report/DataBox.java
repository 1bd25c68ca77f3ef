package org.sanaq.report;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.sanaq.results.Manifest;

/**
 * The first page's account of the data, one line per input: whose data and where to get them (the job's
 * {@code origin}), the files, what the protocols used cover at each level (precinct, district, region, national:
 * how many protocols, registered voters and ballots, and the election-day reports apart), and what was set aside
 * and why. A manifest written before coverage was recorded gives the line it always gave.
 */
final class DataBox {
    /**
     * A web address in an origin: a host with a dot and a path ("github.com/dkobak/elections"), with or without its
     * scheme; file names ("2018.csv.zip", "datasets/kz-2023/SOURCE.md") have no host before their first slash.
     */
    static final Pattern WEB_ADDRESS = Pattern
            .compile("(?<![\\w./-])(https?://)?(?:[A-Za-z0-9-]+\\.)+[A-Za-z]{2,}/[\\w./-]*[\\w/]");

    /** The levels from the finest up; others follow in the order of their names. */
    private static final List<String> LEVELS = List.of("precinct", "district", "region", "national");

    private DataBox() {
    }

    /** One input's line in the report's language. */
    static String line(Wording words, Manifest.InputAccount input) {
        String files = input.files().stream().map(f -> Path.of(f.path()).getFileName().toString()).distinct()
                .collect(Collectors.joining(", "));
        if (input.coverage().isEmpty()) {
            return words.get("sources.input", input.id(), words.source(input.source()), files, input.rowsRead(),
                    input.protocols(), input.rowsQuarantined(), setAside(words, input));
        }
        String who = words.source(input.source()) + (PdfReport.blank(input.origin()) ? "" : " — " + input.origin());
        List<String> parts = new ArrayList<>();
        input.coverage().stream().filter(c -> c.protocols() > 0)
                .sorted(Comparator.comparingInt((Manifest.Coverage c) -> rank(c.level()))
                        .thenComparing(Manifest.Coverage::level))
                .forEach(c -> parts.add(protocols(words, c) + (c.registered() > 0
                        ? words.get("data.voters", c.registered(), c.ballots()) : "")));
        long reports = input.coverage().stream().mapToLong(Manifest.Coverage::reports).sum();
        if (reports > 0) {
            parts.add(words.get("data.reports", reports));
        }
        long claims = input.coverage().stream().mapToLong(Manifest.Coverage::claims).sum();
        if (claims > 0) {
            parts.add(words.get("data.claims", claims));
        }
        parts.add(words.get("data.read", input.rowsRead(), setAside(words, input), input.rowsQuarantined()));
        return words.get("data.input", who, input.id(), files, String.join("; ", parts));
    }

    /** Each web address of a line with the address it opens ({@link #href}). */
    static Map<String, String> links(String line) {
        Map<String, String> links = new LinkedHashMap<>();
        Matcher m = WEB_ADDRESS.matcher(line);
        while (m.find()) {
            links.put(m.group(), href(m));
        }
        return links;
    }

    /** The address a found web address opens: as written, {@code https://} added where it has no scheme. */
    static String href(Matcher found) {
        return found.group(1) == null ? "https://" + found.group() : found.group();
    }

    private static String protocols(Wording words, Manifest.Coverage c) {
        return LEVELS.contains(c.level()) ? words.get("data.level." + c.level(), c.protocols())
                : words.get("data.level.other", c.protocols(), c.level());
    }

    private static int rank(String level) {
        int i = LEVELS.indexOf(level);
        return i < 0 ? LEVELS.size() : i;
    }

    /** ", 6 rows set aside as conflicting copies", and so on for each reason; empty when nothing was set aside. */
    private static String setAside(Wording words, Manifest.InputAccount input) {
        StringBuilder clause = new StringBuilder();
        if (input.setAside() != null) {
            input.setAside().forEach((reason, rows) -> clause.append(words.get("sources.set_aside." + reason, rows)));
        }
        if (input.namesCleaned() > 0) {
            clause.append(words.get("sources.names_cleaned", input.namesCleaned()));
        }
        return clause.toString();
    }
}
