package org.sanaq.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.sanaq.results.CheckDescription;
import org.sanaq.results.DetailTable;
import org.sanaq.results.FigureSpec;
import org.sanaq.results.Finding;
import org.sanaq.results.Manifest;
import org.sanaq.results.RunFolder;
import org.sanaq.results.Verdict;

/**
 * What every rendering of a run shows, in the order it shows it: the findings ranked for the first page (flags
 * first, then by {@link Finding#rank()} descending) and one section per check in the order the checks first appear
 * in the findings, each section's findings ranked as on the first page. A detail table belongs to the check whose figure draws from it, or else to the check whose id
 * starts its name ({@code <check>_...}), in the order of their names; tables that no check claims are listed
 * apart.
 */
record ReportPlan(Manifest manifest, List<Finding> ranked, List<CheckSection> sections,
        List<DetailTable> otherTables, Map<String, DetailTable> tables, String source) {

    /** One check's part of the report. */
    record CheckSection(CheckDescription description, List<Finding> findings, List<FigureSpec> figures,
            List<DetailTable> tables) {
    }

    static ReportPlan of(RunFolder.Contents contents, Function<String, CheckDescription> describe) {
        Comparator<Finding> strongestFirst = Comparator.comparing((Finding f) -> f.verdict() != Verdict.FLAG)
                .thenComparing(Comparator.comparingDouble(Finding::rank).reversed());
        List<Finding> ranked = contents.findings().stream().sorted(strongestFirst).toList();
        Set<String> checks = new LinkedHashSet<>();
        contents.findings().forEach(f -> checks.add(f.check()));
        contents.figures().forEach(f -> checks.add(f.check()));
        Map<String, DetailTable> unclaimed = new TreeMap<>(contents.tables());
        List<CheckSection> sections = new ArrayList<>();
        for (String check : checks) {
            List<FigureSpec> figures = contents.figures().stream().filter(f -> f.check().equals(check)).toList();
            List<DetailTable> tables = new ArrayList<>();
            figures.stream().map(FigureSpec::table).distinct().map(unclaimed::remove).filter(Objects::nonNull)
                    .forEach(tables::add);
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
        return new ReportPlan(contents.manifest(), ranked, sections, List.copyOf(unclaimed.values()),
                contents.tables(), sourceLine(contents.manifest()));
    }

    /** The line under every chart: where the data came from. */
    private static String sourceLine(Manifest manifest) {
        String inputs = manifest == null ? "" : manifest.inputs().stream()
                .map(i -> i.source() == null || i.source().isBlank() ? i.id() : i.source())
                .distinct().collect(Collectors.joining("; "));
        return "Source: " + (inputs.isBlank() ? "run inputs" : inputs) + " · sanaq";
    }
}
