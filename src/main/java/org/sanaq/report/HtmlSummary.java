package org.sanaq.report;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

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
        StringBuilder html = new StringBuilder();
        String title = PdfReport.title(plan.manifest());
        html.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title>").append(escape(title)).append("</title>\n<style>\n").append(STYLE)
                .append("</style>\n</head>\n<body>\n");
        html.append("<h1>").append(escape(title)).append("</h1>\n");
        Manifest m = plan.manifest();
        if (m != null && m.election() != null && !m.election().isBlank()) {
            html.append("<p class=\"muted\">").append(escape(m.election())).append("</p>\n");
        }
        html.append("<p class=\"caveat\">").append(escape(Wording.CAVEAT)).append("</p>\n");
        html.append("<h2>Findings</h2>\n");
        table(html, findings);
        for (ReportPlan.CheckSection section : plan.sections()) {
            section(html, plan, section);
        }
        if (!plan.otherTables().isEmpty()) {
            html.append("<h2>Other detail tables</h2>\n");
            for (DetailTable detail : plan.otherTables()) {
                detail(html, detail);
            }
        }
        inputs(html, m);
        html.append("</body>\n</html>\n");
        return html.toString();
    }

    private static void section(StringBuilder html, ReportPlan plan, ReportPlan.CheckSection section)
            throws IOException {
        CheckDescription d = section.description();
        html.append("<section>\n<h2>").append(escape(d.title())).append("</h2>\n");
        paragraph(html, d.question(), "muted");
        if (!section.findings().isEmpty()) {
            html.append("<ul>\n");
            for (Finding f : section.findings()) {
                html.append("<li><span class=\"").append(f.verdict().id()).append("\">")
                        .append(escape(Wording.verdict(f.verdict()))).append("</span>: ")
                        .append(escape(f.sentence())).append("</li>\n");
            }
            html.append("</ul>\n");
        }
        for (FigureSpec figure : section.figures()) {
            figure(html, plan, figure);
        }
        for (DetailTable detail : section.tables()) {
            detail(html, detail);
        }
        if (d.caveats() != null && !d.caveats().isBlank()) {
            html.append("<h3>What else could explain this</h3>\n");
            paragraph(html, d.caveats(), null);
        }
        if (d.method() != null && !d.method().isBlank()) {
            html.append("<h3>Method</h3>\n");
            paragraph(html, d.method(), null);
        }
        html.append("</section>\n");
    }

    private static void figure(StringBuilder html, ReportPlan plan, FigureSpec figure) throws IOException {
        DetailTable table = plan.tables().get(figure.table());
        String problem = null;
        Optional<Charts.Sized> chart = Optional.empty();
        if (table == null) {
            problem = "table " + figure.table() + " is missing";
        } else {
            try {
                chart = Charts.create(figure, table, plan.source());
                if (chart.isEmpty()) {
                    problem = "chart kind " + figure.kind() + " not yet drawn";
                }
            } catch (IllegalArgumentException e) {
                problem = "could not be drawn: " + e.getMessage();
            }
        }
        if (problem != null) {
            paragraph(html, "Chart “" + figure.title() + "”: " + problem + ".", "muted");
            return;
        }
        Charts.Sized sized = chart.get();
        BufferedImage image = sized.chart().createBufferedImage(sized.width() * 2, sized.height() * 2,
                sized.width(), sized.height(), null);
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        ImageIO.write(image, "png", png);
        html.append("<figure>\n<img src=\"data:image/png;base64,")
                .append(Base64.getEncoder().encodeToString(png.toByteArray())).append("\" width=\"")
                .append(sized.width()).append("\" alt=\"").append(escape(figure.title())).append("\">\n");
        if (figure.caption() != null && !figure.caption().isBlank()) {
            html.append("<figcaption class=\"muted\">").append(escape(figure.caption())).append("</figcaption>\n");
        }
        html.append("</figure>\n");
    }

    private static void detail(StringBuilder html, DetailTable detail) {
        html.append("<h3>").append(escape(detail.title() == null || detail.title().isBlank()
                ? detail.name() : detail.title())).append("</h3>\n");
        table(html, SummaryTables.head(detail));
        paragraph(html, Wording.shown(detail.rows().size())
                + Wording.fullTable(detail.name(), detail.rows().size()), "muted");
    }

    private static void inputs(StringBuilder html, Manifest m) {
        if (m == null) {
            return;
        }
        html.append("<h2>What was analysed</h2>\n");
        List<List<String>> rows = new ArrayList<>();
        for (Manifest.InputAccount input : m.inputs()) {
            for (Manifest.FileHash file : input.files()) {
                rows.add(List.of(input.id(), input.source() == null ? "" : input.source(), file.path(),
                        file.sha256(), Long.toString(file.bytes()), Long.toString(input.rowsRead()),
                        Long.toString(input.rowsUsed()), Long.toString(input.rowsQuarantined())));
            }
        }
        table(html, SummaryTables.table("inputs", List.of("input", "source", "file", "SHA-256", "bytes",
                "rows read", "rows used", "rows quarantined"), rows));
        paragraph(html, "Program " + known(m.programVersion()) + " (commit " + known(m.programCommit())
                + "), Spark " + known(m.sparkVersion()) + " on " + known(m.sparkMaster()) + "; run from "
                + known(m.startedAt()) + " to " + known(m.finishedAt()) + ".", "muted");
    }

    private static String known(String value) {
        return value == null || value.isBlank() ? "(not recorded)" : value;
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
