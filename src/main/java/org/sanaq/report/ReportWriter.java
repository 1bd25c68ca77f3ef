package org.sanaq.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;

import tech.tablesaw.api.Table;

import org.sanaq.results.CheckDescription;
import org.sanaq.results.Manifest;
import org.sanaq.results.RunFolder;

/**
 * Renders a run folder's contents for readers: report.pdf, summary.html and summary.md, written into the run folder
 * next to the files they are drawn from. Needs no Spark: {@code RunFolder.read} then this rebuilds the report.
 */
public final class ReportWriter {
    public static final String PDF = "report.pdf";
    public static final String HTML = "summary.html";
    public static final String MARKDOWN = "summary.md";

    private ReportWriter() {
    }

    /**
     * Writes the three renderings.
     *
     * @param runFolder where to write (created if absent)
     * @param contents the run's manifest, findings, metrics, figures and detail tables
     * @param describe each check's description by check id; may return null, and the check is then named by its id
     */
    public static void write(Path runFolder, RunFolder.Contents contents,
            Function<String, CheckDescription> describe) throws IOException {
        Files.createDirectories(runFolder);
        Manifest manifest = contents.manifest();
        // the reasons are read from quarantine.csv only when page 1 states them: when nothing could be used
        List<String> setAsideReasons = ReportPlan.nothingUsed(manifest) ? SetAsideReasons.top(runFolder,
                Wording.of(manifest.language())) : List.of();
        ReportPlan plan = ReportPlan.of(contents, describe, setAsideReasons);
        Table findings = SummaryTables.findings(plan.ranked(), describe, plan.words());
        PdfReport.write(runFolder.resolve(PDF), plan);
        Files.writeString(runFolder.resolve(HTML), HtmlSummary.render(plan, findings), StandardCharsets.UTF_8);
        Files.writeString(runFolder.resolve(MARKDOWN), MarkdownSummary.render(plan, findings),
                StandardCharsets.UTF_8);
    }
}
