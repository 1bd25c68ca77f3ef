package org.sanaq.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.DeserializationFeature;

import org.sanaq.ingest.DataFiles;
import org.sanaq.ingest.InputSpec;
import org.sanaq.report.ReportWriter;
import org.sanaq.results.Manifest;
import org.sanaq.results.RunFolder;

/**
 * Decides whether a run may write its output folder, like Spark's {@code errorifexists}: sanaq replaces only what it
 * wrote itself. Two rules, both checked before Spark starts:
 * <ul>
 * <li>{@link #checkPlace}: the output is not a file, and it neither is, contains nor lies inside a file the job reads
 * (its data files, its mapping files, the job spec), compared by real paths so that a symbolic link cannot dodge the
 * rule. So the job's own folder, any folder above it and the data's folder are refused; a new subfolder is fine.</li>
 * <li>{@link #checkContents}: an existing output folder is empty or holds a previous sanaq run (a sanaq
 * manifest.json and nothing but the files a run writes). A previous run of the same job is replaced; of another
 * job, only with {@code --force}. Nothing else is ever replaced, whatever the flags.</li>
 * </ul>
 */
public final class OutputGuard {
    /** The files a run writes at the top of its folder, beside {@link RunFolder#TABLES}. */
    static final Set<String> RUN_FILES = Set.of(ReportWriter.PDF, ReportWriter.HTML, ReportWriter.MARKDOWN,
            RunFolder.FINDINGS, RunFolder.METRICS, RunFolder.QUARANTINE, RunFolder.NAMES_CLEANED, RunFolder.MANIFEST);
    /** Far above any manifest sanaq writes; a larger file is not read to find out. */
    private static final long MANIFEST_LIMIT = 64L << 20;
    private static final String ELSEWHERE = "set the job's output or pass --output <folder> to write elsewhere";

    private OutputGuard() {
    }

    /** Refuses an output that is a file or a link, or that is, contains or lies inside a file the job reads. */
    static void checkPlace(JobSpec spec) throws OutputRefused {
        Path output = spec.output().toAbsolutePath().normalize();
        if (Files.isSymbolicLink(output)) {
            throw new OutputRefused(output + " is a symbolic link; name the folder it points to, " + realPath(output)
                    + ", as the output");
        }
        if (Files.exists(output) && !Files.isDirectory(output)) {
            throw new OutputRefused(output + " is a file, and sanaq never replaces a file with its report; "
                    + ELSEWHERE);
        }
        Path real = realPath(output);
        for (ReadFile read : reads(spec)) {
            Path file = realPath(read.path());
            if (file.startsWith(real)) {
                throw new OutputRefused(output + (file.equals(real) ? " is " : " contains ") + read.what() + " "
                        + read.path() + ", which the run reads; " + ELSEWHERE);
            }
            if (real.startsWith(file)) {
                throw new OutputRefused(output + " lies inside " + read.what() + " " + read.path() + "; " + ELSEWHERE);
            }
        }
    }

    /**
     * Refuses an existing output folder that is neither empty nor a previous sanaq run, and a previous run of another
     * job unless {@code force}.
     */
    static void checkContents(Path output, String job, boolean force) throws IOException {
        if (!Files.isDirectory(output, LinkOption.NOFOLLOW_LINKS) || isEmpty(output)) {
            return;
        }
        String foreign = foreignEntry(output);
        if (foreign != null) {
            throw new OutputRefused(output + " holds " + foreign + ", which a sanaq run does not write; sanaq replaces"
                    + " only an empty folder or a previous sanaq run" + (force ? " (--force too)" : "") + ": "
                    + ELSEWHERE + ", or empty the folder yourself");
        }
        String previous = previousJob(output);
        if (previous == null) {
            throw new OutputRefused(output + " has no sanaq " + RunFolder.MANIFEST + ", so it is not a sanaq run"
                    + " folder and sanaq will not replace it: " + ELSEWHERE + ", or empty the folder yourself");
        }
        if (!previous.equals(job) && !force) {
            throw new OutputRefused(output + " holds the report of the job '" + previous + "', not of '" + job
                    + "'; pass --force to replace it, or " + ELSEWHERE);
        }
    }

    /** A complete sanaq run folder: a sanaq manifest, the report, and nothing a run does not write. */
    static boolean isWholeRun(Path folder) throws IOException {
        return Files.isDirectory(folder, LinkOption.NOFOLLOW_LINKS) && foreignEntry(folder) == null
                && previousJob(folder) != null && Files.isRegularFile(folder.resolve(ReportWriter.PDF));
    }

    /** The first entry (by name) of a folder that a run does not write, as a path relative to it; null if none. */
    static String foreignEntry(Path folder) throws IOException {
        for (Path entry : sorted(folder)) {
            String name = entry.getFileName().toString();
            if (name.equals(RunFolder.TABLES) && Files.isDirectory(entry, LinkOption.NOFOLLOW_LINKS)) {
                for (Path table : sorted(entry)) {
                    if (!table.getFileName().toString().endsWith(".csv") || !isPlainFile(table)) {
                        return RunFolder.TABLES + "/" + table.getFileName();
                    }
                }
            } else if (!RUN_FILES.contains(name) || !isPlainFile(entry)) {
                return name;
            }
        }
        return null;
    }

    /** The job named by the folder's manifest.json, or null when it has none or it is not a sanaq manifest. */
    static String previousJob(Path folder) {
        Path manifest = folder.resolve(RunFolder.MANIFEST);
        try {
            if (!isPlainFile(manifest) || Files.size(manifest) > MANIFEST_LIMIT) {
                return null;
            }
            Manifest m = RunFolder.json().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                    .readValue(manifest.toFile(), Manifest.class);
            boolean sanaq = m != null && m.job() != null && !m.job().isBlank() && m.programVersion() != null;
            return sanaq ? m.job() : null;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /**
     * The path with its existing part resolved to its real path (symbolic links followed) and the rest, which does
     * not exist yet, appended as given.
     */
    static Path realPath(Path path) {
        Path absolute = path.toAbsolutePath().normalize();
        Path existing = absolute;
        while (existing.getParent() != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        try {
            return existing.toRealPath().resolve(existing.relativize(absolute)).normalize();
        } catch (IOException e) {
            return absolute;
        }
    }

    /** A file the job reads, and what it is to the job. */
    private record ReadFile(String what, Path path) {
    }

    private static List<ReadFile> reads(JobSpec spec) {
        List<ReadFile> reads = new ArrayList<>();
        reads.add(new ReadFile("the job spec", spec.file().toAbsolutePath().normalize()));
        for (InputSpec input : spec.inputs()) {
            for (String file : input.files()) {
                if (!DataFiles.isRemote(file)) {
                    reads.add(new ReadFile("the data file", Path.of(file).toAbsolutePath().normalize()));
                }
            }
            if (input.mapping().file() != null) {
                reads.add(new ReadFile("the mapping", Path.of(input.mapping().file()).toAbsolutePath().normalize()));
            }
        }
        return reads;
    }

    private static boolean isPlainFile(Path path) {
        return Files.isRegularFile(path, LinkOption.NOFOLLOW_LINKS);
    }

    private static boolean isEmpty(Path folder) throws IOException {
        try (Stream<Path> entries = Files.list(folder)) {
            return entries.findAny().isEmpty();
        }
    }

    private static List<Path> sorted(Path folder) throws IOException {
        try (Stream<Path> entries = Files.list(folder)) {
            return entries.sorted().toList();
        }
    }
}
