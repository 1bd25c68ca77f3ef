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
import java.util.Optional;
import java.util.TimeZone;
import java.util.TreeMap;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;

import org.sanaq.results.CheckDescription;
import org.sanaq.results.DetailTable;
import org.sanaq.results.FigureSpec;
import org.sanaq.results.Finding;
import org.sanaq.results.Manifest;
import org.sanaq.results.Verdict;

/**
 * Writes report.pdf: the findings in plain language on the first page, one section per check (question, findings,
 * charts, detail tables, innocent explanations, method), a methods note and the provenance appendix. The same plan
 * always gives the same bytes: the document's dates and its ID come from the manifest, never from the clock.
 */
final class PdfReport {
    private static final float BODY = 10;
    private static final float SMALL = 8.5f;
    private static final Color GREY = new Color(0x555555);
    private static final Color FLAG = new Color(0xB34700);

    private final ReportPlan plan;
    private final PdfLayout out;

    private PdfReport(ReportPlan plan, PdfLayout out) {
        this.plan = plan;
        this.out = out;
    }

    static void write(Path file, ReportPlan plan) throws IOException {
        try (PDDocument document = new PDDocument()) {
            info(document, plan.manifest());
            try (PdfLayout layout = new PdfLayout(document)) {
                PdfReport report = new PdfReport(plan, layout);
                report.firstPage();
                for (ReportPlan.CheckSection section : plan.sections()) {
                    report.section(section);
                }
                report.otherTables();
                report.methods();
                report.provenance();
                layout.footers("sanaq · " + title(plan.manifest()));
            }
            document.save(file.toFile());
        }
    }

    private void firstPage() throws IOException {
        Manifest m = plan.manifest();
        out.paragraph(title(m), 18, true, Color.BLACK, 0);
        if (m != null && m.election() != null && !m.election().isBlank()) {
            out.paragraph(m.election(), 12, false, GREY, 0);
        }
        out.skip(6);
        out.heading("What was analysed", 12);
        if (m != null) {
            for (Manifest.InputAccount input : m.inputs()) {
                out.paragraph("• " + input.id() + (blank(input.source()) ? "" : " — " + input.source()) + ": "
                        + input.rowsRead() + " rows read, " + input.rowsUsed() + " used, " + input.rowsQuarantined()
                        + " quarantined.", BODY, false, Color.BLACK, 6);
            }
        }
        out.heading("Findings", 12);
        out.paragraph(Wording.CAVEAT, BODY, false, GREY, 0);
        out.skip(4);
        if (plan.ranked().isEmpty()) {
            out.paragraph("No check produced a finding.", BODY, false, Color.BLACK, 0);
        }
        for (Finding f : plan.ranked()) {
            finding(f);
        }
    }

    private void finding(Finding f) throws IOException {
        out.need(BODY * 4);
        out.skip(3);
        out.paragraph(Wording.verdict(f.verdict()), SMALL + 0.5f, true,
                f.verdict() == Verdict.FLAG ? FLAG : GREY, 0);
        out.paragraph(f.sentence(), BODY, false, Color.BLACK, 10);
        String p = pValues(f);
        if (!p.isEmpty()) {
            out.paragraph(p, SMALL, false, GREY, 10);
        }
    }

    private void section(ReportPlan.CheckSection section) throws IOException {
        CheckDescription d = section.description();
        out.newPage();
        out.paragraph(d.title(), 15, true, Color.BLACK, 0);
        if (!blank(d.question())) {
            out.paragraph(d.question(), BODY + 0.5f, false, GREY, 0);
        }
        out.skip(4);
        for (Finding f : section.findings()) {
            finding(f);
        }
        for (FigureSpec figure : section.figures()) {
            figure(figure);
        }
        for (DetailTable table : section.tables()) {
            table(table);
        }
        if (!blank(d.caveats())) {
            out.heading("What else could explain this", 11);
            out.paragraph(d.caveats(), BODY, false, Color.BLACK, 0);
        }
        if (!blank(d.method())) {
            out.heading("Method", 11);
            out.paragraph(d.method(), BODY, false, Color.BLACK, 0);
        }
    }

    private void figure(FigureSpec figure) throws IOException {
        DetailTable table = plan.tables().get(figure.table());
        out.skip(8);
        if (table == null) {
            out.paragraph("Chart “" + figure.title() + "”: table " + figure.table() + " is missing.", SMALL, false,
                    GREY, 0);
            return;
        }
        Optional<Charts.Sized> chart;
        try {
            chart = Charts.create(figure, table, plan.source());
        } catch (IllegalArgumentException e) {
            out.paragraph("Chart “" + figure.title() + "” could not be drawn: " + e.getMessage(), SMALL, false, GREY,
                    0);
            return;
        }
        if (chart.isEmpty()) {
            out.paragraph("Chart “" + figure.title() + "”: chart kind " + figure.kind() + " not yet drawn.", SMALL,
                    false, GREY, 0);
            return;
        }
        out.chart(chart.get().chart(), chart.get().width(), chart.get().height());
        if (!blank(figure.caption())) {
            out.paragraph(figure.caption(), SMALL, false, GREY, 0);
        }
    }

    private void table(DetailTable table) throws IOException {
        out.heading(blank(table.title()) ? table.name() : table.title(), 10.5f);
        PdfTable.draw(out, SummaryTables.head(table));
        out.paragraph(Wording.shown(table.rows().size()) + Wording.fullTable(table.name(), table.rows().size()),
                SMALL, false, GREY, 0);
    }

    private void otherTables() throws IOException {
        if (plan.otherTables().isEmpty()) {
            return;
        }
        out.newPage();
        out.paragraph("Other detail tables", 15, true, Color.BLACK, 0);
        for (DetailTable table : plan.otherTables()) {
            table(table);
        }
    }

    private void methods() throws IOException {
        out.newPage();
        out.paragraph("Methods note", 15, true, Color.BLACK, 0);
        out.skip(4);
        for (ReportPlan.CheckSection section : plan.sections()) {
            CheckDescription d = section.description();
            out.paragraph(d.title(), BODY, true, Color.BLACK, 0);
            out.paragraph(blank(d.method()) ? "No method description." : d.method(), BODY, false, Color.BLACK, 10);
            out.skip(3);
        }
        out.paragraph("p-values are adjusted for the number of tests a check runs, as each check's method says. "
                + "Detail tables in this report show at most " + Wording.MAX_TABLE_ROWS
                + " rows; the CSV files in tables/ hold every row.", BODY, false, GREY, 0);
    }

    private void provenance() throws IOException {
        Manifest m = plan.manifest();
        out.newPage();
        out.paragraph("Provenance", 15, true, Color.BLACK, 0);
        if (m == null) {
            out.paragraph("No manifest was found for this run.", BODY, false, Color.BLACK, 0);
            return;
        }
        out.heading("Inputs", 11);
        List<List<String>> inputs = new ArrayList<>();
        List<List<String>> files = new ArrayList<>();
        for (Manifest.InputAccount input : m.inputs()) {
            inputs.add(List.of(input.id(), text(input.mapping()), text(input.source()), num(input.rowsRead()),
                    num(input.rowsUsed()), num(input.rowsQuarantined()), num(input.protocols())));
            for (Manifest.FileHash file : input.files()) {
                files.add(List.of(input.id(), text(file.path()), text(file.sha256()), num(file.bytes())));
            }
        }
        PdfTable.draw(out, SummaryTables.table("inputs", List.of("input", "mapping", "source", "rows read",
                "rows used", "rows quarantined", "protocols"), inputs));
        out.heading("Files", 11);
        PdfTable.draw(out, SummaryTables.table("files", List.of("input", "file", "SHA-256", "bytes"), files));
        out.heading("Run", 11);
        List<List<String>> run = new ArrayList<>();
        run.add(List.of("job", text(m.job())));
        run.add(List.of("program", text(m.programVersion()) + " (commit " + text(m.programCommit()) + ")"));
        run.add(List.of("Spark", text(m.sparkVersion()) + ", master " + text(m.sparkMaster())));
        run.add(List.of("started", text(m.startedAt())));
        run.add(List.of("finished", text(m.finishedAt())));
        run.add(List.of("job spec SHA-256", text(m.jobSpecSha256())));
        PdfTable.draw(out, SummaryTables.table("run", List.of("item", "value"), run));
        keyValues("Parameters", m.parameters());
        keyValues("Conventions", m.conventions());
        keyValues("Random seeds", m.seeds());
        out.heading("Job spec", 11);
        out.lines(blank(m.jobSpec()) ? "(not recorded)" : m.jobSpec(), SMALL);
    }

    private void keyValues(String heading, Map<String, ?> values) throws IOException {
        out.heading(heading, 11);
        if (values == null || values.isEmpty()) {
            out.paragraph("None.", BODY, false, GREY, 0);
            return;
        }
        List<List<String>> rows = new ArrayList<>();
        new TreeMap<>(values).forEach((k, v) -> rows.add(List.of(k, String.valueOf(v))));
        PdfTable.draw(out, SummaryTables.table(heading, List.of("name", "value"), rows));
    }

    private static String pValues(Finding f) {
        String p = Wording.p(f.pValue());
        String adjusted = Wording.p(f.pAdjusted());
        List<String> parts = new ArrayList<>();
        if (!blank(f.scope())) {
            parts.add(f.scope() + (blank(f.subject()) ? "" : ", " + f.subject()));
        }
        if (!p.isEmpty()) {
            parts.add("p = " + p);
        }
        if (!adjusted.isEmpty()) {
            parts.add("adjusted p = " + adjusted);
        }
        return String.join(" · ", parts);
    }

    private static void info(PDDocument document, Manifest m) {
        PDDocumentInformation info = document.getDocumentInformation();
        info.setTitle(title(m));
        info.setCreator("sanaq" + (m == null || blank(m.programVersion()) ? "" : " " + m.programVersion()));
        info.setProducer("sanaq");
        Calendar when = calendar(m == null ? null : m.finishedAt());
        info.setCreationDate(when);
        info.setModificationDate(when);
        document.setDocumentId((long) (title(m) + "|" + (m == null ? "" : m.jobSpecSha256() + "|" + m.finishedAt()))
                .hashCode());
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

    static String title(Manifest m) {
        return m == null || blank(m.title()) ? "Election forensics report" : m.title();
    }

    private static String num(long n) {
        return Long.toString(n);
    }

    private static String text(String s) {
        return s == null ? "" : s;
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
