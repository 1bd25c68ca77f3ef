package org.sanaq.report;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import javax.imageio.ImageIO;

import tech.tablesaw.api.Table;

import org.sanaq.results.CheckDescription;
import org.sanaq.results.DetailTable;
import org.sanaq.results.FigureSpec;
import org.sanaq.results.Finding;
import org.sanaq.results.Manifest;

/**
 * summary.html: one self-contained page (inline style, charts as PNG data URIs, no external resources) with the
 * findings table, each check's question, findings, charts and detail tables, and the inputs. Every value is
 * HTML-escaped.
 */
final class HtmlSummary {
    private static final String STYLE = """
            body{font-family:"DejaVu Sans",Arial,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;\
            color:#222;line-height:1.45}
            h1{font-size:1.6rem}h2{margin-top:2.2rem;border-bottom:1px solid #ccc}
            .caveat{color:#555;border-left:4px solid #999;padding-left:.8rem}
            .muted{color:#555;font-size:.9rem}
            .flag{color:#b34700;font-weight:bold}
            table{border-collapse:collapse;margin:.6rem 0;font-size:.85rem}
            th,td{border:1px solid #ccc;padding:.2rem .45rem;text-align:left;vertical-align:top}
            th{background:#eee}tr:nth-child(even) td{background:#f7f7f7}
            img{max-width:100%;height:auto;display:block;margin:.8rem 0}
            """;

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
        html.append("<h1>").append(escape(title)).append("</h1>\n");
        Manifest m = plan.manifest();
        if (m != null && !PdfReport.blank(m.election())) {
            html.append("<p class=\"muted\">").append(escape(m.election())).append("</p>\n");
        }
        List<String> nothing = plan.nothingUsedLines();
        for (int i = 0; i < nothing.size(); i++) {
            paragraph(html, nothing.get(i), i == 0 ? "flag" : null);
        }
        plan.failedCheckLines().forEach(failed -> paragraph(html, failed, "flag"));
        html.append("<p class=\"caveat\">").append(escape(words.caveat())).append("</p>\n");
        html.append("<h2>").append(escape(words.get("findings.heading"))).append("</h2>\n");
        table(html, findings);
        paragraph(html, plan.chartsLeftOutLine(), "muted");
        for (ReportPlan.CheckSection section : plan.sections()) {
            section(html, plan, section);
        }
        for (ReportPlan.RegionPage region : plan.regions()) {
            html.append("<section>\n<h2>").append(escape(words.get("region.heading", region.region())))
                    .append("</h2>\n");
            findings(html, words, region.findings());
            for (FigureSpec figure : region.figures()) {
                figure(html, plan, figure);
            }
            html.append("</section>\n");
        }
        if (!plan.otherTables().isEmpty()) {
            html.append("<h2>").append(escape(words.get("other_tables"))).append("</h2>\n");
            for (DetailTable detail : plan.otherTables()) {
                detail(html, words, detail);
            }
        }
        inputs(html, words, m);
        html.append("</body>\n</html>\n");
        return html.toString();
    }

    private static void section(StringBuilder html, ReportPlan plan, ReportPlan.CheckSection section)
            throws IOException {
        Wording words = plan.words();
        CheckDescription d = section.description();
        html.append("<section>\n<h2>").append(escape(d.title())).append("</h2>\n");
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
        BufferedImage image = sized.chart().createBufferedImage(sized.width() * 2, sized.height() * 2,
                sized.width(), sized.height(), null);
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        ImageIO.write(image, "png", png);
        html.append("<figure>\n<img src=\"data:image/png;base64,")
                .append(Base64.getEncoder().encodeToString(png.toByteArray())).append("\" width=\"")
                .append(sized.width()).append("\" alt=\"").append(escape(figure.title())).append("\">\n");
        if (!PdfReport.blank(figure.caption())) {
            html.append("<figcaption class=\"muted\">").append(escape(figure.caption())).append("</figcaption>\n");
        }
        html.append("</figure>\n");
    }

    private static void detail(StringBuilder html, Wording words, DetailTable detail) {
        html.append("<h3>").append(escape(PdfReport.blank(detail.title()) ? detail.name() : detail.title()))
                .append("</h3>\n");
        table(html, SummaryTables.head(detail, words));
        paragraph(html, words.tableNote(detail.name(), detail.rows().size()), "muted");
    }

    private static void inputs(StringBuilder html, Wording words, Manifest m) {
        if (m == null) {
            return;
        }
        html.append("<h2>").append(escape(words.get("sources.heading"))).append("</h2>\n<ul>\n");
        for (Manifest.InputAccount input : m.inputs()) {
            html.append("<li>").append(escape(PdfReport.sourceSentence(words, input))).append("</li>\n");
        }
        html.append("</ul>\n");
        List<List<String>> rows = new ArrayList<>();
        for (Manifest.InputAccount input : m.inputs()) {
            for (Manifest.FileHash file : input.files()) {
                rows.add(List.of(input.id(), file.path(), file.sha256(), words.count(file.bytes())));
            }
        }
        table(html, SummaryTables.table("files", List.of(words.get("column.input"), words.get("column.file"),
                words.get("column.sha256"), words.get("column.bytes")), rows));
        paragraph(html, words.get("provenance.version", known(words, m.programVersion()),
                known(words, m.programCommit())), "muted");
    }

    private static String known(Wording words, String value) {
        return PdfReport.blank(value) ? words.get("provenance.not_recorded") : value;
    }

    static void table(StringBuilder html, Table table) {
        html.append("<table>\n<thead><tr>");
        for (String name : table.columnNames()) {
            html.append("<th>").append(escape(name)).append("</th>");
        }
        html.append("</tr></thead>\n<tbody>\n");
        for (int r = 0; r < table.rowCount(); r++) {
            html.append("<tr>");
            for (int c = 0; c < table.columnCount(); c++) {
                html.append("<td>").append(escape(table.getString(r, c))).append("</td>");
            }
            html.append("</tr>\n");
        }
        html.append("</tbody>\n</table>\n");
    }

    private static void paragraph(StringBuilder html, String text, String cssClass) {
        if (text == null || text.isBlank()) {
            return;
        }
        html.append(cssClass == null ? "<p>" : "<p class=\"" + cssClass + "\">").append(escape(text))
                .append("</p>\n");
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
