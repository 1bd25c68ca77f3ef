package org.sanaq.report;

import java.awt.Color;
import java.io.IOException;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TimeZone;
import java.util.TreeMap;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;

import tech.tablesaw.api.Table;

import org.sanaq.results.CheckDescription;
import org.sanaq.results.DetailTable;
import org.sanaq.results.FigureSpec;
import org.sanaq.results.Finding;
import org.sanaq.results.Manifest;
import org.sanaq.results.Verdict;

/**
 * Writes report.pdf: the first page (the election, each check that could not run, the data box, the standing caveat,
 * the strongest flags as story cards and the top card's chart), the second (regions ranked, every check in a line),
 * a page explaining the terms used later, one section per check (what it asks, what it found, charts, evidence
 * tables, what else could explain it), a page per flagged region, the
 * methods note and the provenance appendix. The text holds no clock time, so the same run folder always gives the
 * same text; the document's dates and ID come from the manifest, so it also gives the same bytes.
 */
final class PdfReport {
    /** Flags listed on the first page at most; the others follow in the sections and the region pages. */
    static final int FIRST_PAGE_FLAGS = 5;
    /** The first page's chart is drawn when the page has room for it at least this high (points). */
    private static final float FIRST_PAGE_CHART_HEIGHT = 100;
    private static final float BODY = 10;
    private static final float SMALL = 8.5f;
    /** The story cards' lines under their fact: small, since five cards and a chart share the first page. */
    private static final float CARD = 8;
    private static final Color GREY = new Color(0x555555);
    private static final Color FLAG = new Color(0xB34700);
    /** Room kept under a table's last row for the note under it: two lines of small type. */
    private static final float NOTE_ROOM = SMALL * 1.35f * 2;

    private final ReportPlan plan;
    private final Wording words;
    private final PdfLayout out;

    private PdfReport(ReportPlan plan, PdfLayout out) {
        this.plan = plan;
        this.words = plan.words();
        this.out = out;
    }

    static void write(Path file, ReportPlan plan) throws IOException {
        try (PDDocument document = new PDDocument()) {
            info(document, plan);
            try (PdfLayout layout = new PdfLayout(document)) {
                PdfReport report = new PdfReport(plan, layout);
                layout.bookmark(plan.words().get("outline.first"), 0);
                report.firstPage();
                int overview = document.getNumberOfPages(); // the overview starts the next page
                report.overview();
                layout.bookmark(plan.words().get("outline.overview"), document.getPage(overview));
                report.terms();
                for (ReportPlan.CheckSection section : plan.sections()) {
                    report.section(section);
                }
                for (ReportPlan.RegionPage region : plan.regions()) {
                    report.region(region);
                }
                report.otherTables();
                report.methods();
                report.provenance();
                layout.outline();
                layout.footers(plan.words().get("footer", title(plan)), (n, of) -> plan.words().get("page", n, of));
            }
            document.save(file.toFile());
        }
    }

    /** The flags the first page lists: the strongest {@link #FIRST_PAGE_FLAGS} that no other finding explains. */
    static List<Finding> firstPageFindings(ReportPlan plan) {
        return plan.headlines().subList(0, Math.min(FIRST_PAGE_FLAGS, plan.headlines().size()));
    }

    private void firstPage() throws IOException {
        Manifest m = plan.manifest();
        out.paragraph(title(plan), 18, true, Color.BLACK, 0);
        if (m != null && !blank(m.election())) {
            out.paragraph(m.election(), 12, false, GREY, 0);
        }
        List<String> nothing = plan.nothingUsedLines();
        for (int i = 0; i < nothing.size(); i++) {
            out.skip(4);
            out.paragraph(nothing.get(i), i == 0 ? 12 : BODY, i == 0, i == 0 ? FLAG : Color.BLACK, i == 0 ? 0 : 6);
        }
        for (String failed : plan.failedCheckLines()) {
            out.skip(4);
            out.paragraph(failed, BODY, true, FLAG, 0);
        }
        out.heading(words.get("data.heading"), 12);
        if (m != null) {
            for (Manifest.InputAccount input : m.inputs()) {
                String line = DataBox.line(words, input);
                out.paragraph("• " + line, CARD, false, Color.BLACK, 6, DataBox.links(line));
            }
        }
        out.skip(4);
        out.paragraph(words.caveat(), BODY, false, GREY, 0);
        out.heading(words.get("findings.heading"), 12);
        List<Finding> shown = firstPageFindings(plan);
        if (shown.isEmpty()) {
            out.paragraph(words.get("findings.none"), BODY, false, Color.BLACK, 0);
        }
        List<StoryCard> cards = plan.cards(FIRST_PAGE_FLAGS);
        int drawn = 0;
        // the cards that fit with room left for the lines below them and the top finding's chart
        float below = BODY * 1.35f * 3 + 8 + FIRST_PAGE_CHART_HEIGHT + 8;
        while (drawn < cards.size() && (drawn == 0 || out.fits(cardHeight(cards.get(drawn)) + below))) {
            card(cards.get(drawn++));
        }
        out.skip(6);
        int more = plan.headlines().size() - drawn;
        if (more > 0) {
            out.paragraph(words.get("findings.more_flags", more), BODY, false, Color.BLACK, 0);
        }
        out.paragraph(words.get("findings.rest", plan.ranked().size() - plan.headlines().size(),
                plan.regions().size()), BODY, false, GREY, 0);
        if (plan.chartsLeftOutLine() != null) {
            out.paragraph(plan.chartsLeftOutLine(), BODY, false, GREY, 0);
        }
        firstPageChart(shown);
    }

    /** A story card: its fact, its strength and effect, the innocent explanation, its limits and its place. */
    private void card(StoryCard card) throws IOException {
        out.need(cardHeight(card));
        out.skip(5);
        out.paragraph(card.fact(), BODY - 0.5f, true, Color.BLACK, 0);
        out.paragraph(card.weight(), CARD, false, FLAG, 8);
        out.paragraph(limits(card), CARD, false, Color.BLACK, 8);
        out.paragraph(card.where(), CARD, false, GREY, 8);
    }

    private float cardHeight(StoryCard card) throws IOException {
        return 5 + out.height(card.fact(), BODY - 0.5f, true, 0) + out.height(card.weight(), CARD, false, 8)
                + out.height(limits(card), CARD, false, 8) + out.height(card.where(), CARD, false, 8);
    }

    /** The innocent explanation and what the finding shows and does not show, as one paragraph. */
    private static String limits(StoryCard card) {
        return card.innocent() + " " + card.shows() + " " + card.doesNotShow();
    }

    /**
     * The chart that carries the first page's top finding (its check's first chart), in the room the page has
     * left; none when there is no flag, the check draws no chart, or the room is too small for a readable one.
     */
    private void firstPageChart(List<Finding> shown) throws IOException {
        if (shown.isEmpty()) {
            return;
        }
        String check = shown.get(0).check();
        FigureSpec figure = plan.sections().stream().filter(s -> s.description().id().equals(check))
                .flatMap(s -> s.figures().stream()).findFirst().orElse(null);
        if (figure == null) {
            return;
        }
        Charts.Drawn drawn = Charts.draw(figure, plan);
        if (drawn.problem() == null) {
            out.skip(6);
            Charts.Sized chart = drawn.chart();
            // the chart carries its own title and source line: nothing follows it on the page
            out.chartInRoomLeft(chart.chart(), chart.width(), chart.height(), FIRST_PAGE_CHART_HEIGHT);
        }
    }

    /**
     * The second page: the regions ranked by their findings (how many flags, the strongest first, as the region
     * pages follow), and every check in one line (what it found, in counts of verdicts).
     */
    private void overview() throws IOException {
        out.newPage();
        out.paragraph(words.get("overview.heading"), 15, true, Color.BLACK, 0);
        out.heading(words.get("overview.regions"), 12);
        if (plan.regions().isEmpty()) {
            out.paragraph(words.get("overview.no_regions"), BODY, false, GREY, 0);
        } else {
            List<List<String>> rows = new ArrayList<>();
            for (ReportPlan.RegionPage page : plan.regions()) {
                long flags = page.findings().stream().filter(Finding::headline).count();
                String checks = page.findings().stream().filter(Finding::headline).map(f -> plan.checkTitle(f.check()))
                        .distinct().collect(java.util.stream.Collectors.joining("; "));
                rows.add(List.of(page.region(), words.count(flags), checks));
            }
            PdfTable.draw(out, SummaryTables.table("regions", columns("region", "closer_look", "checks"), rows));
        }
        out.heading(words.get("overview.checks"), 12);
        for (ReportPlan.CheckSection section : plan.sections()) {
            Map<Verdict, Long> counts = new java.util.EnumMap<>(Verdict.class);
            section.findings().forEach(f -> counts.merge(f.headline() ? Verdict.FLAG
                    : f.verdict() == Verdict.FLAG ? Verdict.PASS : f.verdict(), 1L, Long::sum));
            out.paragraph("• " + words.get("overview.check", section.description().title(),
                    counts.getOrDefault(Verdict.FLAG, 0L), counts.getOrDefault(Verdict.PASS, 0L),
                    counts.getOrDefault(Verdict.INCONCLUSIVE, 0L), counts.getOrDefault(Verdict.ERROR, 0L)),
                    BODY, false, Color.BLACK, 6);
        }
    }

    private void terms() throws IOException {
        out.newPage(); // page 2 is the overview alone
        part(words.get("terms.heading"));
        out.skip(4);
        for (String term : ReportTerms.ORDER) {
            out.paragraph(words.get("term." + term + ".name"), BODY, true, Color.BLACK, 0);
            out.paragraph(words.get("term." + term + ".text"), BODY, false, Color.BLACK, 10);
            out.skip(3);
        }
    }

    private void finding(Finding f) throws IOException {
        out.need(BODY * 4);
        out.skip(3);
        out.paragraph(words.verdict(f), SMALL + 0.5f, true, f.headline() ? FLAG : GREY, 0);
        out.paragraph(f.sentence(), BODY, false, Color.BLACK, 10);
        if (f.placebo() != null) {
            out.paragraph(f.placebo().sentence(), SMALL, false, GREY, 10);
        }
        String p = details(f);
        if (!p.isEmpty()) {
            out.paragraph(p, SMALL, false, GREY, 10);
        }
    }

    /** A part of the report: its title, bookmarked, where {@link PdfLayout#section} starts it. */
    private void part(String title) throws IOException {
        out.section();
        out.bookmark(title, 0);
        out.paragraph(title, 15, true, Color.BLACK, 0);
    }

    private void section(ReportPlan.CheckSection section) throws IOException {
        CheckDescription d = section.description();
        part(d.title());
        if (!blank(d.question())) {
            out.heading(words.get("section.asks"), 11);
            out.paragraph(d.question(), BODY + 0.5f, false, Color.BLACK, 0);
        }
        out.heading(words.get("section.answer"), 11);
        if (section.findings().isEmpty()) {
            out.paragraph(words.get("section.no_findings"), BODY, false, GREY, 0);
        }
        List<Finding> paragraphs = section.findings();
        if (FindingMatrix.CHECKS.contains(d.id())) {
            FindingMatrix matrix = FindingMatrix.of(section.findings());
            paragraphs = matrix.outside();
            if (!matrix.units().isEmpty()) {
                drawTable(matrix.table(words));
                out.paragraph(matrix.note(words), SMALL, false, GREY, 0);
            }
        }
        for (Finding f : paragraphs) {
            finding(f);
        }
        Set<String> paged = plan.regions().stream().map(r -> ReportPlan.REGION + r.region())
                .collect(java.util.stream.Collectors.toSet());
        for (FigureSpec figure : section.figures()) {
            if (!paged.contains(figure.filter().get("scope"))) { // a region's own chart is drawn on its page
                figure(figure);
            }
        }
        List<DetailTable> filled = section.tables().stream().filter(t -> !t.rows().isEmpty()).toList();
        List<String> empty = section.tables().stream().filter(t -> t.rows().isEmpty())
                .map(t -> "tables/" + t.name() + ".csv").toList();
        if (!filled.isEmpty()) {
            out.heading(words.get("section.evidence"), 11);
        }
        for (DetailTable table : filled) {
            table(table, words.fullTable(table.name(), table.rows().size()));
        }
        if (!empty.isEmpty()) {
            // an empty table says nothing a line cannot: named, not drawn
            out.paragraph(words.get("section.empty_tables", empty.size(), String.join(", ", empty)), SMALL, false,
                    GREY, 0);
        }
        if (!blank(d.caveats())) {
            out.heading(words.get("section.else"), 11);
            out.paragraph(d.caveats(), BODY, false, Color.BLACK, 0);
        }
    }

    private void region(ReportPlan.RegionPage page) throws IOException {
        out.section();
        if (page == plan.regions().get(0)) {
            out.bookmark(words.get("outline.regions"), 0);
        }
        String heading = words.get("region.heading", page.region());
        out.bookmark(heading, 1);
        out.paragraph(heading, 15, true, Color.BLACK, 0);
        Map<FigureSpec, Charts.Drawn> charts = new java.util.LinkedHashMap<>();
        for (FigureSpec figure : RegionCharts.of(plan, page)) {
            Charts.Drawn drawn = Charts.draw(figure, plan);
            if (drawn.problem() == null) { // a chart that cannot be drawn here is not mentioned
                charts.put(figure, drawn);
            }
        }
        out.paragraph(words.get(charts.isEmpty() ? "region.intro.no_chart" : "region.intro", page.region()), BODY,
                false, GREY, 0);
        for (Finding f : page.findings()) {
            finding(f);
        }
        for (Map.Entry<FigureSpec, Charts.Drawn> chart : charts.entrySet()) {
            chart(chart.getValue(), chart.getKey());
        }
        for (DetailTable table : page.rows()) {
            table(table, words.get("region.rows", table.name(), table.rows().size(), page.region()));
        }
    }

    private void figure(FigureSpec figure) throws IOException {
        Charts.Drawn drawn = Charts.draw(figure, plan);
        if (drawn.problem() != null) {
            out.skip(8);
            out.paragraph(drawn.problem(), SMALL, false, GREY, 0);
            return;
        }
        chart(drawn, figure);
    }

    /** A drawn chart and its caption. */
    private void chart(Charts.Drawn drawn, FigureSpec figure) throws IOException {
        out.skip(8);
        Charts.Sized chart = drawn.chart();
        out.chart(chart.chart(), chart.width(), chart.height());
        if (!blank(figure.caption())) {
            out.paragraph(figure.caption(), SMALL, false, GREY, 0);
        }
    }

    /**
     * A detail table's excerpt ({@link TableExcerpt}) under its heading, landscape when it is too wide for a portrait
     * page, and the line under it: how its rows are ordered and cut, then {@code fileLine}, its file linked.
     */
    private void table(DetailTable table, String fileLine) throws IOException {
        TableExcerpt excerpt = TableExcerpt.of(table);
        Table shown = SummaryTables.head(excerpt, table.name(), words);
        landscapeIfWide(shown);
        out.heading(blank(table.title()) ? table.name() : table.title(), 10.5f);
        PdfTable.draw(out, shown, NOTE_ROOM);
        String file = "tables/" + table.name() + ".csv";
        out.paragraph(excerpt.note(words, fileLine), SMALL, false, GREY, 0, Map.of(file, file));
    }

    /** A table drawn landscape when it is too wide for a portrait page, with room for a note under it. */
    private void drawTable(Table table) throws IOException {
        landscapeIfWide(table);
        PdfTable.draw(out, table, NOTE_ROOM);
    }

    private void landscapeIfWide(Table table) throws IOException {
        if (!PdfTable.fitsIn(out, table, PdfLayout.portraitWidth())) {
            out.landscape();
        }
    }

    private void otherTables() throws IOException {
        if (plan.otherTables().isEmpty()) {
            return;
        }
        part(words.get("other_tables"));
        for (DetailTable table : plan.otherTables()) {
            table(table, words.fullTable(table.name(), table.rows().size()));
        }
    }

    private void methods() throws IOException {
        part(words.get("methods.heading"));
        out.skip(4);
        for (ReportPlan.CheckSection section : plan.sections()) {
            CheckDescription d = section.description();
            out.paragraph(d.title(), BODY, true, Color.BLACK, 0);
            out.paragraph(blank(d.method()) ? words.get("methods.none") : d.method(), BODY, false, Color.BLACK, 10);
            out.skip(3);
        }
        out.paragraph(words.get("methods.note", Wording.MAX_TABLE_ROWS), BODY, false, GREY, 0);
    }

    private void provenance() throws IOException {
        Manifest m = plan.manifest();
        part(words.get("provenance.heading"));
        if (m == null) {
            out.paragraph(words.get("provenance.no_manifest"), BODY, false, Color.BLACK, 0);
            return;
        }
        out.paragraph(words.get("provenance.intro"), BODY, false, GREY, 0);
        out.heading(words.get("provenance.inputs"), 11);
        List<List<String>> inputs = new ArrayList<>();
        List<List<String>> files = new ArrayList<>();
        for (Manifest.InputAccount input : m.inputs()) {
            inputs.add(List.of(input.id(), text(input.mapping()), text(input.source()), words.count(input.rowsRead()),
                    words.count(input.rowsUsed()), words.count(input.rowsQuarantined()),
                    words.count(input.rowsSetAside()), words.count(input.protocols())));
            for (Manifest.FileHash file : input.files()) {
                String named = file.target() == null ? text(file.path()) : text(file.path()) + " → " + file.target();
                files.add(List.of(input.id(), named, text(file.sha256()), words.count(file.bytes())));
            }
        }
        drawTable(SummaryTables.table("inputs", columns("input", "mapping", "source", "rows_read",
                "rows_used", "rows_quarantined", "rows_set_aside", "protocols"), inputs));
        out.paragraph(words.get("provenance.quarantine", m.quarantined()), SMALL, false, GREY, 0);
        out.heading(words.get("provenance.files"), 11);
        drawTable(SummaryTables.table("files", columns("input", "file", "sha256", "bytes"), files));
        out.heading(words.get("provenance.run"), 11);
        List<List<String>> run = new ArrayList<>();
        run.add(List.of(words.get("provenance.job"), text(m.job())));
        run.add(List.of(words.get("provenance.language"), words.language()));
        run.add(List.of(words.get("provenance.program"), words.get("provenance.version", text(m.programVersion()),
                text(m.programCommit()))));
        run.add(List.of("Spark", text(m.sparkVersion())));
        run.add(List.of(words.get("provenance.job_sha256"), text(m.jobSpecSha256())));
        PdfTable.draw(out, SummaryTables.table("run", columns("item", "value"), run));
        keyValues(words.get("provenance.parameters"), m.parameters());
        keyValues(words.get("provenance.conventions"), m.conventions());
        keyValues(words.get("provenance.seeds"), m.seeds());
        out.heading(words.get("provenance.job_spec"), 11);
        out.lines(blank(m.jobSpec()) ? words.get("provenance.not_recorded") : m.jobSpec(), SMALL);
    }

    private List<String> columns(String... names) {
        return java.util.Arrays.stream(names).map(n -> words.get("column." + n)).toList();
    }

    private void keyValues(String heading, Map<String, ?> values) throws IOException {
        out.heading(heading, 11);
        if (values == null || values.isEmpty()) {
            out.paragraph(words.get("provenance.none"), BODY, false, GREY, 0);
            return;
        }
        List<List<String>> rows = new ArrayList<>();
        new TreeMap<>(values).forEach((k, v) -> rows.add(List.of(k, String.valueOf(v))));
        PdfTable.draw(out, SummaryTables.table(heading, columns("name", "value"), rows));
    }

    /** Where the finding applies and its p-values, for the sections (the first page has no p-values). */
    private String details(Finding f) {
        List<String> parts = new ArrayList<>();
        if (!blank(f.scope())) {
            parts.add(words.scope(f.scope()) + (blank(f.subject()) ? "" : ", " + f.subject()));
        }
        String p = words.p(f.pValue());
        String adjusted = words.p(f.pAdjusted());
        if (!p.isEmpty()) {
            parts.add(words.get("p", p));
        }
        if (!adjusted.isEmpty()) {
            parts.add(words.get("p_adjusted", adjusted));
        }
        if (f.explainedBy() != null) {
            parts.add(words.get("explained_by", f.explainedBy()));
        }
        return String.join(" · ", parts);
    }

    private static void info(PDDocument document, ReportPlan plan) {
        Manifest m = plan.manifest();
        PDDocumentInformation info = document.getDocumentInformation();
        info.setTitle(title(plan));
        info.setCreator("sanaq" + (m == null || blank(m.programVersion()) ? "" : " " + m.programVersion()));
        info.setProducer("sanaq");
        Calendar when = calendar(m == null ? null : m.finishedAt());
        info.setCreationDate(when);
        info.setModificationDate(when);
        document.setDocumentId((long) (title(plan) + "|" + (m == null ? "" : m.jobSpecSha256() + "|"
                + m.finishedAt())).hashCode());
    }

    /** The manifest's finishing time, or 1 January 2000 UTC when it is absent or unreadable. */
    private static Calendar calendar(String iso) {
        GregorianCalendar calendar = new GregorianCalendar(TimeZone.getTimeZone(ZoneOffset.UTC));
        calendar.clear();
        calendar.set(2000, Calendar.JANUARY, 1);
        if (iso != null) {
            try {
                calendar.setTimeInMillis(OffsetDateTime.parse(iso).toInstant().toEpochMilli());
            } catch (DateTimeParseException e) {
                return calendar;
            }
        }
        return calendar;
    }

    static String title(ReportPlan plan) {
        Manifest m = plan.manifest();
        return m == null || blank(m.title()) ? plan.words().get("title") : m.title();
    }

    private static String text(String s) {
        return s == null ? "" : s;
    }

    static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
