package org.sanaq.report;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;

import tech.tablesaw.api.Table;

import org.sanaq.results.CheckDescription;
import org.sanaq.results.DetailTable;
import org.sanaq.results.FigureSpec;
import org.sanaq.results.Finding;
import org.sanaq.results.Manifest;

/**
 * summary.html: one self-contained page (inline style and script, charts as PNG data URIs, no external resource)
 * that reads on a phone 390 px wide. It opens with the first page's content (the election, the data, each check that
 * could not run, the caveat and the strongest findings, each linked to its check's section), then the table of
 * contents, every result in one collapsible table, one section per check (its question, findings, charts and
 * detail tables, each table's first rows collapsed when long and linked to its CSV in the run folder), the region
 * pages, the glossary and the inputs. Every section and table has an id the contents link to; tables sort and
 * filter with a small inlined script ({@link HtmlTable#SCRIPT}) and are whole without it. Every value is
 * HTML-escaped.
 */
final class HtmlSummary {
    /**
     * A layout for any width down to a phone's: fluid font sizes, long words broken in text, tables scrolling
     * sideways in their own container, numbers kept on one line, images no wider than the page.
     */
    private static final String STYLE = """
            *,*::before,*::after{box-sizing:border-box}
            html{-webkit-text-size-adjust:100%;text-size-adjust:100%}
            body{font-family:"DejaVu Sans",Arial,sans-serif;font-size:clamp(15px,0.9rem + 0.25vw,17px);\
            max-width:60rem;margin:0 auto;padding:1rem;color:#222;line-height:1.45}
            h1{font-size:clamp(1.3rem,1rem + 2vw,1.8rem)}
            h2{font-size:clamp(1.15rem,1rem + 1vw,1.45rem);margin-top:2.2rem;border-bottom:1px solid #ccc}
            h3{font-size:clamp(1rem,0.95rem + 0.5vw,1.15rem)}
            h1,h2,h3,p,li,dt,dd,figcaption,summary{overflow-wrap:anywhere}
            .caveat{color:#555;border-left:4px solid #999;padding-left:.8rem}
            .muted{color:#555;font-size:.9rem}
            .flag{color:#b34700;font-weight:bold}
            .scroll{overflow-x:auto;max-width:100%;margin:.6rem 0}
            table{border-collapse:collapse;font-size:.85rem}
            th,td{border:1px solid #ccc;padding:.2rem .45rem;text-align:left;vertical-align:top;overflow-wrap:break-word}
            td{min-width:4rem}td.num{white-space:nowrap;text-align:right;min-width:0}
            th{background:#eee;cursor:pointer}tr:nth-child(even) td{background:#f7f7f7}
            th[aria-sort=ascending]::after{content:" \\25B2"}th[aria-sort=descending]::after{content:" \\25BC"}
            input.filter{font:inherit;width:100%;max-width:20rem;margin-top:.4rem}
            details>summary{cursor:pointer;color:#1a4d8f}
            figure{margin:.8rem 0}img{max-width:100%;height:auto;display:block}
            nav ol{padding-left:1.2rem}
            ol.cards>li{margin-bottom:1rem}ol.cards p{margin:.15rem 0}.weight{color:#b34700;font-size:.9rem}
            """;
    /** Rows of a table shown open; a longer one is collapsed under a line that says how many rows it has. */
    static final int OPEN_ROWS = 10;
    /**
     * Pixels per CSS pixel of the charts: sharp on phones' screens (which have 2 to 3), at about half the bytes of
     * 2 (the charts are most of the page's weight).
     */
    private static final double CHART_SCALE = 1.5;

    private HtmlSummary() {
    }

    static String render(ReportPlan plan, Table findings) throws IOException {
        Wording words = plan.words();
        StringBuilder html = new StringBuilder();
        String title = PdfReport.title(plan);
        html.append("<!DOCTYPE html>\n<html lang=\"").append(words.language()).append("\">\n<head>\n")
                .append("<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title>").append(escape(title)).append("</title>\n<style>\n").append(STYLE)
                .append("</style>\n</head>\n<body>\n");
        pageOne(html, plan, findings);
        contents(html, plan);
        for (ReportPlan.CheckSection section : plan.sections()) {
            section(html, plan, section);
        }
        for (int i = 0; i < plan.regions().size(); i++) {
            ReportPlan.RegionPage region = plan.regions().get(i);
            html.append("<section id=\"region-").append(i + 1).append("\">\n<h2>")
                    .append(escape(words.get("region.heading", region.region()))).append("</h2>\n");
            findings(html, words, region.findings());
            for (FigureSpec figure : region.figures()) {
                figure(html, plan, figure);
            }
            html.append("</section>\n");
        }
        if (!plan.otherTables().isEmpty()) {
            html.append("<section id=\"other-tables\">\n<h2>").append(escape(words.get("other_tables")))
                    .append("</h2>\n");
            for (DetailTable detail : plan.otherTables()) {
                detail(html, words, detail);
            }
            html.append("</section>\n");
        }
        glossary(html, words);
        inputs(html, words, plan.manifest());
        html.append("<script>\n").append(HtmlTable.SCRIPT).append("</script>\n</body>\n</html>\n");
        return html.toString();
    }

    /**
     * The first page's content: the election, each check that could not run, the data, the caveat and the strongest
     * findings, then every result in one table (collapsed when longer than {@link #OPEN_ROWS} rows).
     */
    private static void pageOne(StringBuilder html, ReportPlan plan, Table findings) {
        Wording words = plan.words();
        String title = PdfReport.title(plan);
        html.append("<section id=\"summary\">\n<h1>").append(escape(title)).append("</h1>\n");
        Manifest m = plan.manifest();
        if (m != null && !PdfReport.blank(m.election())) {
            html.append("<p class=\"muted\">").append(escape(m.election())).append("</p>\n");
        }
        List<String> nothing = plan.nothingUsedLines();
        for (int i = 0; i < nothing.size(); i++) {
            paragraph(html, nothing.get(i), i == 0 ? "flag" : null);
        }
        plan.failedCheckLines().forEach(failed -> paragraph(html, failed, "flag"));
        sources(html, words, m);
        html.append("<p class=\"caveat\">").append(escape(words.caveat())).append("</p>\n");
        html.append("</section>\n<section id=\"findings\">\n<h2>").append(escape(words.get("findings.heading")))
                .append("</h2>\n");
        topFindings(html, plan);
        html.append("<details").append(findings.rowCount() <= OPEN_ROWS ? " open" : "").append("><summary>")
                .append(escape(words.get("web.all_results", findings.rowCount()))).append("</summary>\n");
        HtmlTable.write(html, words, findings);
        html.append("</details>\n");
        paragraph(html, plan.chartsLeftOutLine(), "muted");
        html.append("</section>\n");
    }

    /** The first page's findings, each a sentence with a link to its check's section. */
    private static void topFindings(StringBuilder html, ReportPlan plan) {
        Wording words = plan.words();
        List<Finding> top = PdfReport.firstPageFindings(plan);
        if (top.isEmpty()) {
            paragraph(html, words.get("findings.none"), null);
        } else {
            html.append("<ol class=\"cards\">\n");
            for (Finding f : top) {
                StoryCard card = plan.card(f);
                html.append("<li><p><strong>").append(escape(card.fact())).append("</strong></p>\n<p class=\"weight\">")
                        .append(escape(card.weight())).append("</p>\n<p>").append(escape(card.innocent()))
                        .append("</p>\n<p>").append(escape(card.shows())).append(' ')
                        .append(escape(card.doesNotShow())).append("</p>\n<p class=\"muted\">")
                        .append(escape(card.where())).append(" · <a href=\"#").append(checkId(f.check()))
                        .append("\">").append(escape(words.get("web.to_section"))).append("</a></p></li>\n");
            }
            html.append("</ol>\n");
        }
        int more = plan.headlines().size() - top.size();
        if (more > 0) {
            paragraph(html, words.get("findings.more_flags", more), null);
        }
        paragraph(html, words.get("findings.rest", plan.ranked().size() - plan.headlines().size(),
                plan.regions().size()), "muted");
    }

    /** The table of contents: a link to every section, and under each check to each of its tables. */
    private static void contents(StringBuilder html, ReportPlan plan) {
        Wording words = plan.words();
        html.append("<nav id=\"contents\">\n<h2>").append(escape(words.get("web.contents")))
                .append("</h2>\n<ol>\n");
        link(html, "summary", PdfReport.title(plan));
        link(html, "findings", words.get("findings.heading"));
        for (ReportPlan.CheckSection section : plan.sections()) {
            html.append("<li><a href=\"#").append(checkId(section.description().id())).append("\">")
                    .append(escape(section.description().title())).append("</a>");
            if (!section.tables().isEmpty()) {
                html.append("\n<ol>\n");
                section.tables().forEach(t -> link(html, tableId(t.name()), tableTitle(t)));
                html.append("</ol>\n");
            }
            html.append("</li>\n");
        }
        for (int i = 0; i < plan.regions().size(); i++) {
            link(html, "region-" + (i + 1), words.get("region.heading", plan.regions().get(i).region()));
        }
        if (!plan.otherTables().isEmpty()) {
            link(html, "other-tables", words.get("other_tables"));
        }
        link(html, "glossary", words.get("terms.heading"));
        if (plan.manifest() != null) {
            link(html, "sources", words.get("provenance.heading"));
        }
        html.append("</ol>\n</nav>\n");
    }

    private static void link(StringBuilder html, String id, String text) {
        html.append("<li><a href=\"#").append(id).append("\">").append(escape(text)).append("</a></li>\n");
    }

    /** The id of a check's section: {@code check-<id>}, any character but a letter, digit, '-' or '_' as '-'. */
    static String checkId(String check) {
        return "check-" + idPart(check);
    }

    /** The id of a detail table's heading: {@code table-<name>}, as {@link #checkId} writes it. */
    static String tableId(String name) {
        return "table-" + idPart(name);
    }

    private static String idPart(String text) {
        return text.replaceAll("[^A-Za-z0-9_-]", "-");
    }

    private static void section(StringBuilder html, ReportPlan plan, ReportPlan.CheckSection section)
            throws IOException {
        Wording words = plan.words();
        CheckDescription d = section.description();
        html.append("<section id=\"").append(checkId(d.id())).append("\">\n<h2>").append(escape(d.title()))
                .append("</h2>\n");
        paragraph(html, d.question(), "muted");
        findings(html, words, section.findings());
        for (FigureSpec figure : section.figures()) {
            figure(html, plan, figure);
        }
        for (DetailTable detail : section.tables()) {
            detail(html, words, detail);
        }
        if (!PdfReport.blank(d.caveats())) {
            html.append("<h3>").append(escape(words.get("section.else"))).append("</h3>\n");
            paragraph(html, d.caveats(), null);
        }
        if (!PdfReport.blank(d.method())) {
            html.append("<h3>").append(escape(words.get("section.method"))).append("</h3>\n");
            paragraph(html, d.method(), null);
        }
        html.append("</section>\n");
    }

    private static void findings(StringBuilder html, Wording words, List<Finding> findings) {
        if (findings.isEmpty()) {
            return;
        }
        html.append("<ul>\n");
        for (Finding f : findings) {
            html.append("<li><span class=\"").append(f.headline() ? "flag" : "muted").append("\">")
                    .append(escape(words.verdict(f))).append("</span>: ").append(escape(Wording.sentence(f)))
                    .append("</li>\n");
        }
        html.append("</ul>\n");
    }

    private static void figure(StringBuilder html, ReportPlan plan, FigureSpec figure) throws IOException {
        Charts.Drawn drawn = Charts.draw(figure, plan);
        if (drawn.problem() != null) {
            paragraph(html, drawn.problem(), "muted");
            return;
        }
        Charts.Sized sized = drawn.chart();
        BufferedImage image = sized.chart().createBufferedImage((int) Math.round(sized.width() * CHART_SCALE),
                (int) Math.round(sized.height() * CHART_SCALE), sized.width(), sized.height(), null);
        html.append("<figure>\n<img src=\"").append(WebPng.dataUri(image)).append("\" width=\"")
                .append(sized.width()).append("\" alt=\"").append(escape(figure.title())).append("\">\n");
        if (!PdfReport.blank(figure.caption())) {
            html.append("<figcaption class=\"muted\">").append(escape(figure.caption())).append("</figcaption>\n");
        }
        html.append("</figure>\n");
    }

    /**
     * A detail table: its heading (with the id the contents link to), its first rows (collapsed when more than
     * {@link #OPEN_ROWS}; none when it is empty), and the line under it with a link to its CSV in the run folder.
     */
    private static void detail(StringBuilder html, Wording words, DetailTable detail) {
        html.append("<h3 id=\"").append(tableId(detail.name())).append("\">").append(escape(tableTitle(detail)))
                .append("</h3>\n");
        TableExcerpt excerpt = TableExcerpt.of(detail);
        Table head = SummaryTables.head(excerpt, detail.name(), words);
        boolean collapsed = head.rowCount() > OPEN_ROWS;
        if (collapsed) {
            html.append("<details><summary>").append(escape(words.get("web.show_rows", head.rowCount(),
                    detail.rows().size()))).append("</summary>\n");
        }
        if (head.rowCount() > 0) { // an empty table is only its line: "no rows"
            HtmlTable.write(html, words, head, excerpt.totals() != null);
        }
        if (collapsed) {
            html.append("</details>\n");
        }
        String file = "tables/" + detail.name() + ".csv";
        html.append("<p class=\"muted\">").append(escape(excerpt.note(words,
                words.fullTable(detail.name(), detail.rows().size())))
                .replace(escape(file), "<a href=\"" + escape(HtmlTable.csvHref(detail.name())) + "\">"
                        + escape(file) + "</a>")).append("</p>\n");
    }

    private static String tableTitle(DetailTable detail) {
        return PdfReport.blank(detail.title()) ? detail.name() : detail.title();
    }

    /** The glossary: each term of {@link ReportTerms#ORDER} with its explanation. */
    private static void glossary(StringBuilder html, Wording words) {
        html.append("<section id=\"glossary\">\n<h2>").append(escape(words.get("terms.heading")))
                .append("</h2>\n<dl>\n");
        for (String term : ReportTerms.ORDER) {
            html.append("<dt><strong>").append(escape(words.get("term." + term + ".name"))).append("</strong></dt>\n")
                    .append("<dd>").append(escape(words.get("term." + term + ".text"))).append("</dd>\n");
        }
        html.append("</dl>\n</section>\n");
    }

    /** The data: one sentence per input (source, rows read and used, what was set aside). */
    private static void sources(StringBuilder html, Wording words, Manifest m) {
        if (m == null) {
            return;
        }
        html.append("<h2>").append(escape(words.get("data.heading"))).append("</h2>\n<ul>\n");
        for (Manifest.InputAccount input : m.inputs()) {
            html.append("<li>").append(linked(DataBox.line(words, input))).append("</li>\n");
        }
        html.append("</ul>\n");
    }

    /** The provenance of the inputs: each file with its SHA-256 and size, and the program's version. */
    private static void inputs(StringBuilder html, Wording words, Manifest m) {
        if (m == null) {
            return;
        }
        html.append("<section id=\"sources\">\n<h2>").append(escape(words.get("provenance.heading")))
                .append("</h2>\n");
        List<List<String>> rows = new ArrayList<>();
        for (Manifest.InputAccount input : m.inputs()) {
            for (Manifest.FileHash file : input.files()) {
                rows.add(List.of(input.id(), file.path(), file.sha256(), words.count(file.bytes())));
            }
        }
        HtmlTable.write(html, words, SummaryTables.table("files", List.of(words.get("column.input"),
                words.get("column.file"), words.get("column.sha256"), words.get("column.bytes")), rows));
        paragraph(html, words.get("provenance.version", known(words, m.programVersion()),
                known(words, m.programCommit())), "muted");
        html.append("</section>\n");
    }

    private static String known(Wording words, String value) {
        return PdfReport.blank(value) ? words.get("provenance.not_recorded") : value;
    }

    private static void paragraph(StringBuilder html, String text, String cssClass) {
        if (text == null || text.isBlank()) {
            return;
        }
        html.append(cssClass == null ? "<p>" : "<p class=\"" + cssClass + "\">").append(escape(text))
                .append("</p>\n");
    }

    /** A text escaped, its web addresses ({@link DataBox#links}) made links. */
    private static String linked(String text) {
        StringBuilder out = new StringBuilder();
        int at = 0;
        Matcher m = DataBox.WEB_ADDRESS.matcher(text);
        while (m.find()) {
            out.append(escape(text.substring(at, m.start()))).append("<a href=\"")
                    .append(escape(DataBox.href(m))).append("\">").append(escape(m.group()))
                    .append("</a>");
            at = m.end();
        }
        return out.append(escape(text.substring(at))).toString();
    }

    static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
