/**
 * The presentation layer: from a run folder's contents to report.pdf, summary.html and summary.md
 * ({@link org.sanaq.report.ReportWriter} is the entry point). No Spark here; everything is drawn from findings,
 * figure specs and detail tables, so a report can be rebuilt from the run folder alone.
 *
 * <p>How the parts fit: {@code ReportPlan} decides what is shown and in what order (ranked findings, one section
 * per check, each check's tables); {@code SummaryTables} holds the tables as Tablesaw tables that the three
 * renderings share; {@code Charts} makes every chart by kind with the one {@code ChartTheme}; {@code PdfReport}
 * composes the PDF on {@code PdfLayout} (flowing text, charts) and {@code PdfTable} (paginated tables);
 * {@code HtmlSummary} and {@code MarkdownSummary} write the web page and the Markdown; {@code ReportFonts} ships the
 * DejaVu fonts; {@code Wording} holds the fixed words.
 *
 * <p>For check authors: a detail table appears in a check's section when one of the check's figures draws from it
 * or when its name starts with the check id and an underscore ({@code round_percentages_cells}); label axes of
 * figures with their units ({@code "share of valid votes (%)"}).
 */
package org.sanaq.report;
