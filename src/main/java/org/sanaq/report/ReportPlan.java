package org.sanaq.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.sanaq.results.CheckDescription;
import org.sanaq.results.DetailTable;
import org.sanaq.results.FigureSpec;
import org.sanaq.results.Finding;
import org.sanaq.results.Manifest;
import org.sanaq.results.RunFolder;
import org.sanaq.results.Verdict;

/**
 * What every rendering of a run shows, in the order it shows it: the first page's findings (flags that no other
 * finding explains, strongest first by the one rule of {@link Ranking}), one section per check in the fixed order
 * of {@link #SECTION_ORDER} (checks it does not name follow in the order they first appear), each section's
 * findings flags first, and a drill-down per flagged region.
 *
 * <p>A detail table belongs to the check whose figure draws from it, or else to the check whose id starts its name
 * ({@code <check>_...}), in the order of their names; tables that no check claims are listed apart. A figure whose
 * {@code filter} selects one region ({@code {"region": name}}) is that region's drill-down figure, drawn on the
 * region's page rather than in its check's section when the region has a page.
 */
record ReportPlan(Manifest manifest, Wording words, List<Finding> ranked, List<Finding> headlines,
        List<CheckSection> sections, List<RegionPage> regions, List<DetailTable> otherTables,
        Map<String, DetailTable> tables, String source, LeftOut chartsLeftOut, List<String> setAsideReasons) {

    /**
     * Charts drawn per report at most, so that a run with thousands of candidates or units still writes its report
     * in bounded time and size; the others are left out, and the report says how many and which tables hold their
     * data.
     */
    static final int MAX_CHARTS = 200;

    /** The charts left out by {@link #MAX_CHARTS}: how many of how many, and the tables that hold their data. */
    record LeftOut(int count, int asked, List<String> tables) {
    }

    /** The order of the check sections: the report's one list of it. */
    static final List<String> SECTION_ORDER = List.of("round_percentages", "protocol_integrity",
            "official_vs_observer", "duplicate_protocols", "digit_tests", "fingerprint", "klimek", "integer_peaks",
            "neighbours", "panel");
    /** The scope prefix that names a region. */
    static final String REGION = "region=";

    /** One check's part of the report. */
    record CheckSection(CheckDescription description, List<Finding> findings, List<FigureSpec> figures,
            List<DetailTable> tables) {
    }

    /** A flagged region's page: its findings, its own figures, and the rows of each detail table about it. */
    record RegionPage(String region, List<Finding> findings, List<FigureSpec> figures, List<DetailTable> rows) {
    }

    static ReportPlan of(RunFolder.Contents contents, Function<String, CheckDescription> describe) {
        return of(contents, describe, List.of());
    }

    /**
     * The plan of a run's report, its names cut by {@link ShownText} and its charts capped at {@link #MAX_CHARTS}.
     *
     * @param setAsideReasons the commonest reasons rows were set aside, for a run that could use nothing
     */
    static ReportPlan of(RunFolder.Contents full, Function<String, CheckDescription> describe,
            List<String> setAsideReasons) {
        RunFolder.Contents shown = ShownText.forReport(full);
        List<FigureSpec> drawn = capped(shown.figures());
        Set<FigureSpec> kept = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        kept.addAll(drawn);
        List<String> leftOutTables = shown.figures().stream().filter(f -> !kept.contains(f))
                .map(FigureSpec::table).distinct().sorted().toList();
        LeftOut leftOut = new LeftOut(shown.figures().size() - drawn.size(), shown.figures().size(), leftOutTables);
        RunFolder.Contents contents = new RunFolder.Contents(shown.manifest(), shown.findings(), shown.metrics(),
                drawn, shown.tables());
        Manifest manifest = contents.manifest();
        Wording words = Wording.of(manifest == null ? null : manifest.language());
        List<Finding> ranked = contents.findings().stream().sorted(Ranking.STRONGEST_FIRST).toList();
        List<RegionPage> regions = regionPages(contents, ranked);
        Set<String> paged = regions.stream().map(RegionPage::region).collect(Collectors.toSet());
        Map<String, DetailTable> unclaimed = new TreeMap<>(contents.tables());
        List<CheckSection> sections = new ArrayList<>();
        for (String check : checkOrder(contents)) {
            List<FigureSpec> figures = contents.figures().stream()
                    .filter(f -> f.check().equals(check) && !paged.contains(region(f))).toList();
            List<DetailTable> tables = new ArrayList<>();
            contents.figures().stream().filter(f -> f.check().equals(check)).map(FigureSpec::table).distinct()
                    .map(unclaimed::remove).filter(Objects::nonNull).forEach(tables::add);
            for (String name : List.copyOf(unclaimed.keySet())) {
                if (name.equals(check) || name.startsWith(check + "_")) {
                    tables.add(unclaimed.remove(name));
                }
            }
            CheckDescription description = describe.apply(check);
            sections.add(new CheckSection(description != null ? description
                    : new CheckDescription(check, check, "", "", ""),
                    ranked.stream().filter(f -> f.check().equals(check)).toList(), figures, tables));
        }
        return new ReportPlan(manifest, words, ranked, oneFindingPerFact(ranked.stream().filter(Finding::headline)),
                sections, regions, List.copyOf(unclaimed.values()), contents.tables(),
                sourceLine(manifest, words), leftOut, List.copyOf(setAsideReasons));
    }

    /**
     * The flags in their order with each fact once, the others left to their section: a flag of a check and place
     * that a stronger flag already speaks for (the whole-number excess of turnout, of the leader's share and of
     * either is one fact about the nation; so are three digit statistics of one region's turnout), and a flag whose
     * evidence cites a file line that a stronger flag of the same check already cites (the same published figure,
     * seen by several relations, e.g. Astana's turnout as printed, against its counts and against the last
     * election-day report).
     */
    static List<Finding> oneFindingPerFact(Stream<Finding> flags) {
        Set<String> cited = new HashSet<>();
        Set<String> places = new HashSet<>();
        List<Finding> out = new ArrayList<>();
        flags.forEach(f -> {
            Set<String> lines = citedLines(f);
            if (lines.stream().noneMatch(cited::contains) && places.add(f.check() + " " + f.scope())) {
                out.add(f);
            }
            cited.addAll(lines);
        });
        return out;
    }

    /** The file lines a finding's evidence cites, as {@code <check> <file name> <line>}. */
    private static Set<String> citedLines(Finding f) {
        Set<String> out = new HashSet<>();
        for (String evidence : f.evidence()) {
            Matcher m = CITED_LINE.matcher(evidence);
            while (m.find()) {
                out.add(f.check() + " " + m.group(1) + " " + m.group(2));
            }
        }
        return out;
    }

    /**
     * A file line as evidence cites it, in the report's language: "party-list-by-region.csv line 19",
     * "party-list-by-region.csv, строка 19" (the file's name with its extension, its folders aside).
     */
    private static final Pattern CITED_LINE = Pattern
            .compile("([^\\s\\[\\](),/]+\\.[\\p{Alnum}!.]+),? \\p{L}+ (\\d+)");

    /** A check's title as its section gives it; its id when it has no section. */
    String checkTitle(String check) {
        return sections.stream().filter(s -> s.description().id().equals(check)).map(s -> s.description().title())
                .findFirst().orElse(check);
    }

    /** The first page's story cards: the strongest {@code limit} flags that no other finding explains. */
    List<StoryCard> cards(int limit) {
        return headlines.stream().limit(limit).map(this::card).toList();
    }

    /** A finding's story card in the report's words. */
    StoryCard card(Finding f) {
        return StoryCard.of(f, words, checkTitle(f.check()));
    }

    /** Whether the run's inputs gave no usable protocol at all (its manifest says none was used). */
    boolean nothingUsed() {
        return nothingUsed(manifest);
    }

    /** Whether a run with this manifest used no protocol at all. */
    static boolean nothingUsed(Manifest manifest) {
        return manifest != null && manifest.inputs().stream().mapToLong(Manifest.InputAccount::rowsUsed).sum() == 0;
    }

    /**
     * The first page's opening when nothing could be used: the plain statement, then the reasons rows were set
     * aside; empty otherwise.
     */
    List<String> nothingUsedLines() {
        if (!nothingUsed()) {
            return List.of();
        }
        long read = manifest.inputs().stream().mapToLong(Manifest.InputAccount::rowsRead).sum();
        List<String> lines = new ArrayList<>();
        // with no row used, every row read was set aside (unreadable, or a copy of another)
        lines.add(words.get("nothing_used", read, read));
        setAsideReasons.forEach(r -> lines.add(words.get("nothing_used.reason", r)));
        return lines;
    }

    /**
     * The first page's statement of each check that could not run (an ERROR finding: which check, the message, and
     * that nothing follows from it), before the flags; empty when every check ran.
     */
    List<String> failedCheckLines() {
        return ranked.stream().filter(f -> f.verdict() == Verdict.ERROR).map(Finding::sentence).toList();
    }

    /** The line saying how many charts were left out and where their data are; null when none was. */
    String chartsLeftOutLine() {
        if (chartsLeftOut.count() == 0) {
            return null;
        }
        List<String> files = chartsLeftOut.tables().stream().limit(10).map(t -> "tables/" + t + ".csv").toList();
        return words.get("charts.left_out", chartsLeftOut.count(), chartsLeftOut.asked(), MAX_CHARTS,
                String.join(", ", files) + (chartsLeftOut.tables().size() > files.size() ? ", …" : ""));
    }

    /**
     * At most {@link #MAX_CHARTS} of the figures, shared fairly between the checks: each check's first figure, then
     * each one's second, and so on, so that one check asking for a chart per candidate leaves the others theirs.
     * The figures kept stay in the order they were asked for.
     */
    static List<FigureSpec> capped(List<FigureSpec> figures) {
        if (figures.size() <= MAX_CHARTS) {
            return figures;
        }
        Map<String, List<Integer>> byCheck = new LinkedHashMap<>();
        for (int i = 0; i < figures.size(); i++) {
            byCheck.computeIfAbsent(figures.get(i).check(), c -> new ArrayList<>()).add(i);
        }
        java.util.BitSet kept = new java.util.BitSet(figures.size());
        for (int round = 0; kept.cardinality() < MAX_CHARTS; round++) {
            for (List<Integer> ofCheck : byCheck.values()) {
                if (round < ofCheck.size() && kept.cardinality() < MAX_CHARTS) {
                    kept.set(ofCheck.get(round));
                }
            }
        }
        return kept.stream().mapToObj(figures::get).toList();
    }

    /** The checks of the run: those of {@link #SECTION_ORDER} first, in its order, then the others. */
    private static List<String> checkOrder(RunFolder.Contents contents) {
        Set<String> present = new LinkedHashSet<>();
        contents.findings().forEach(f -> present.add(f.check()));
        contents.figures().forEach(f -> present.add(f.check()));
        List<String> order = new ArrayList<>(SECTION_ORDER.stream().filter(present::contains).toList());
        present.stream().filter(c -> !SECTION_ORDER.contains(c)).forEach(order::add);
        return order;
    }

    /** The region a scope names ({@code region=<name>}, possibly after other parts joined by ';'), or null. */
    static String region(String scope) {
        if (scope == null) {
            return null;
        }
        for (String part : scope.split(";")) {
            if (part.startsWith(REGION)) {
                return part.substring(REGION.length());
            }
        }
        return null;
    }

    /** The region a figure's filter selects, or null. */
    static String region(FigureSpec figure) {
        return figure.filter().get("region");
    }

    /**
     * A page per region that has a flag, in the order of its strongest flag: every finding about the region, the
     * figures drawn for it, and the rows about it (a {@code region} column equal to its name) of the detail tables
     * of the checks that flag it, the tables in the order of their names (as a run folder lists them, so that
     * {@code render} gives the same pages). Tables of checks that found nothing there are left to their sections.
     */
    private static List<RegionPage> regionPages(RunFolder.Contents contents, List<Finding> ranked) {
        Map<String, List<Finding>> byRegion = new LinkedHashMap<>();
        ranked.stream().filter(Finding::headline).map(f -> region(f.scope())).filter(Objects::nonNull)
                .forEach(r -> byRegion.put(r, new ArrayList<>()));
        for (Finding f : ranked) {
            String region = region(f.scope());
            if (region != null && byRegion.containsKey(region)) {
                byRegion.get(region).add(f);
            }
        }
        List<RegionPage> pages = new ArrayList<>();
        byRegion.forEach((region, findings) -> {
            Set<String> flagging = findings.stream().filter(Finding::headline).map(Finding::check)
                    .collect(Collectors.toSet());
            List<DetailTable> tables = new TreeMap<>(contents.tables()).values().stream()
                    .filter(t -> flagging.stream().anyMatch(c -> t.name().startsWith(c + "_"))).toList();
            pages.add(new RegionPage(region, findings,
                    contents.figures().stream().filter(f -> region.equals(region(f))).toList(),
                    rowsAbout(region, tables)));
        });
        return pages;
    }

    private static List<DetailTable> rowsAbout(String region, Iterable<DetailTable> tables) {
        List<DetailTable> about = new ArrayList<>();
        for (DetailTable table : tables) {
            int column = table.columns().indexOf("region");
            if (column < 0) {
                continue;
            }
            List<List<String>> rows = table.rows().stream()
                    .filter(r -> column < r.size() && region.equals(r.get(column))).toList();
            if (!rows.isEmpty()) {
                about.add(new DetailTable(table.name(), table.title(), table.columns(), rows));
            }
        }
        return about;
    }

    /** The line under every chart: where the data came from, by the names of the input files. */
    private static String sourceLine(Manifest manifest, Wording words) {
        String inputs = manifest == null ? "" : manifest.inputs().stream()
                .flatMap(i -> i.files().stream()).map(f -> java.nio.file.Path.of(f.path()).getFileName().toString())
                .distinct().collect(Collectors.joining("; "));
        return words.get("chart.source", inputs.isBlank() ? words.get("chart.source_unknown") : inputs);
    }
}
