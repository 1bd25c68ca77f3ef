package org.sanaq.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Stream;

import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.storage.StorageLevel;
import org.sanaq.ingest.Ingest;
import org.sanaq.ingest.InputSpec;
import org.sanaq.results.Manifest;
import org.sanaq.results.RunFolder;

/**
 * Ingest once: the ingested table of a run (what {@link Ingest#read} and {@link DuplicateProtocols#mark} give, the
 * quarantined rows with their file, line, reason and raw text included) kept as Parquet beside the output folder,
 * so that a second run of the same inputs reads it instead of parsing them again.
 *
 * <p>Beside the output {@code reports/kz} the cache is the folder {@code .kz.cache/}, one entry per
 * {@link IngestCacheKey key}: {@code .kz.cache/<key>/} holds the Parquet part files and, written last, the marker
 * {@value #MARKER} with the key, the row count and each part file's size and SHA-256. An entry is written in a
 * temporary folder of the cache and renamed into place, so it is whole or absent. It is used only when its marker
 * names the key, lists exactly the part files there with their sizes and hashes, and Spark reads back as many rows;
 * otherwise it is damaged and rebuilt. A stale entry (other inputs, mapping or sanaq) is never looked up: its key
 * differs. At most {@link #KEPT} entries are kept, the least recently used removed first. Runs of one output hold
 * its {@link OutputLock}, so no two runs touch one cache at a time; the cache never deletes anything but its own
 * entries and the temporary folders of runs that are gone.
 */
public final class IngestCache {
    /** Entries kept per cache folder, that is per output: the current inputs and two earlier versions. */
    static final int KEPT = 3;
    /** The marker of a whole entry; Spark skips names that begin with an underscore when it reads the entry. */
    static final String MARKER = "_sanaq-cache.json";
    private static final String ENTRY = "[0-9a-f]{64}";
    /**
     * The folders an entry is written in or moved aside to. Not hidden (no leading dot): Spark ignores hidden paths,
     * and the written entry is read back before it is renamed. Earlier versions' hidden names are still removed.
     */
    private static final String TEMPORARY = "\\.?(tmp|old)-\\d+-[0-9a-f-]{36}";

    private final Path folder;
    private final Consumer<String> notes;

    /** How a run's ingested table was obtained, as the manifest records it. */
    public enum Use {
        /** Read from the cache. */
        HIT,
        /** Parsed: the cache had no whole entry for the key (then stored). */
        MISS,
        /** Parsed because the run was told not to read the cache ({@code --no-cache}; then stored). */
        OFF;

        public String word() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /**
     * A run's ingested table (read from the cache entry; persisted instead when it could not be stored, and the caller
     * unpersists it), how it was obtained, its cache key, and whether it is in the cache now.
     */
    public record Ingested(Dataset<Row> rows, Use use, String key, boolean cached) {
        /** For the progress line: "read from the cache (key 1a2b3c4d5e6f…)" or "parsed (…)". */
        public String said() {
            String shortKey = key.substring(0, 12) + "…";
            String stored = cached ? " stored)" : " not stored)";
            return switch (use) {
                case HIT -> "read from the cache (key " + shortKey + ")";
                case MISS -> "parsed (cache key " + shortKey + stored;
                case OFF -> "parsed (--no-cache; cache key " + shortKey + (cached ? " rewritten)" : stored);
            };
        }
    }

    /** The marker's content: what a whole entry holds. */
    record Marker(String key, long rows, List<Manifest.FileHash> parts, String program, String writtenAt) {
    }

    /** An entry that is there but cannot be trusted. */
    static final class DamagedEntry extends Exception {
        private static final long serialVersionUID = 1L;

        DamagedEntry(String message) {
            super(message);
        }
    }

    private IngestCache(Path folder, Consumer<String> notes) {
        this.folder = folder;
        this.notes = notes;
    }

    /** The cache of an output folder: {@code .<name>.cache} beside it. */
    public static IngestCache beside(Path output, Consumer<String> notes) {
        return new IngestCache(folderOf(output), notes);
    }

    /** {@code .<name>.cache} beside the output folder. */
    public static Path folderOf(Path output) {
        Path target = output.toAbsolutePath().normalize();
        return target.resolveSibling("." + target.getFileName() + ".cache");
    }

    /**
     * The ingested and marked table of the inputs: read from the cache entry of its key when {@code read} and the
     * entry is whole, parsed otherwise, stored, and read from the new entry. Storing is best effort: a cache that cannot be
     * written is a note, and the run goes on with the parsed table.
     *
     * @param hashes the inputs' files with their SHA-256, in order ({@link InputAccounting#hashes})
     */
    public Ingested ingest(SparkSession spark, List<InputSpec> inputs, List<List<Manifest.FileHash>> hashes,
            boolean read) {
        Dataset<Row> parsing = DuplicateProtocols.mark(Ingest.read(spark, inputs)); // lazy: nothing read yet
        String key = IngestCacheKey.of(inputs, hashes, parsing.schema());
        Path entry = folder.resolve(key);
        Ingested ingested = null;
        if (read && Files.exists(entry, LinkOption.NOFOLLOW_LINKS)) {
            try {
                ingested = new Ingested(load(spark, entry, key, parsing.schema()), Use.HIT, key, true);
            } catch (DamagedEntry e) {
                notes.accept("the cache entry " + entry + " is damaged (" + e.getMessage() + "): the inputs are"
                        + " parsed again and the entry rebuilt");
            }
        }
        if (ingested == null) {
            Use use = read ? Use.MISS : Use.OFF;
            // The run reads the entry it has just written, counted and hashed (store), never a second parse; a
            // cache that could not be written leaves the parse, persisted.
            ingested = store(parsing, key, spark.sparkContext().hadoopConfiguration())
                    ? new Ingested(entryRows(spark, entry, parsing.schema()), use, key, true)
                    : new Ingested(parsing.persist(StorageLevel.MEMORY_AND_DISK()), use, key, false);
        }
        if (Files.isDirectory(folder, LinkOption.NOFOLLOW_LINKS)) {
            try {
                prune(key);
            } catch (IOException e) {
                notes.accept("could not remove old entries of the cache " + folder + ": "
                        + EnvironmentFailure.reason(e));
            }
        }
        return ingested;
    }

    /** Reads a whole entry, persisted, after checking its marker, its part files and its row count. */
    private Dataset<Row> load(SparkSession spark, Path entry, String key, StructType schema) throws DamagedEntry {
        Marker marker = marker(entry);
        if (!key.equals(marker.key())) {
            throw new DamagedEntry("its marker names the key " + marker.key());
        }
        List<Manifest.FileHash> parts;
        try {
            parts = parts(entry, spark.sparkContext().hadoopConfiguration());
        } catch (IOException e) {
            throw new DamagedEntry("its part files cannot be read: " + EnvironmentFailure.reason(e));
        }
        if (!parts.equals(marker.parts())) {
            throw new DamagedEntry("its part files " + names(parts) + " differ from those its marker lists, "
                    + names(marker.parts()) + ", in name, size or SHA-256");
        }
        // Not persisted: the run's few passes read the Parquet again, which costs less than building Spark's
        // in-memory copy of the table (and a warm run then reads nothing but the footers before its compute).
        Dataset<Row> rows = entryRows(spark, entry, schema);
        try {
            long count = rows.count(); // from the Parquet footers
            if (count != marker.rows()) {
                throw new DamagedEntry("Spark read " + count + " rows, its marker says " + marker.rows());
            }
            touch(entry);
            return rows;
        } catch (RuntimeException e) {
            throw new DamagedEntry("Spark could not read it: " + EnvironmentFailure.reason(e));
        }
    }

    /** An entry's rows, read lazily from its Parquet part files. */
    private static Dataset<Row> entryRows(SparkSession spark, Path entry, StructType schema) {
        return spark.read().schema(schema).parquet(entry.toUri().toString());
    }

    private static Marker marker(Path entry) throws DamagedEntry {
        Path file = entry.resolve(MARKER);
        if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
            throw new DamagedEntry("it has no marker " + MARKER);
        }
        try {
            Marker marker = RunFolder.json().readValue(file.toFile(), Marker.class);
            if (marker == null || marker.parts() == null) {
                throw new DamagedEntry("its marker lists no part files");
            }
            return marker;
        } catch (IOException e) {
            throw new DamagedEntry("its marker cannot be read: " + EnvironmentFailure.reason(e));
        }
    }

    /**
     * Writes the table as a new entry: into a temporary folder of the cache, the marker last (itself written aside
     * and renamed), then the folder renamed to the key, replacing a damaged or rewritten entry. Says whether it did;
     * when not (a full disk, a file in the cache's place), a note says why and the run goes on.
     */
    private boolean store(Dataset<Row> parsing, String key, Configuration hadoop) {
        Path temporary = folder.resolve("tmp-" + ProcessHandle.current().pid() + "-" + UUID.randomUUID());
        try {
            if (Files.exists(folder, LinkOption.NOFOLLOW_LINKS) && !Files.isDirectory(folder, LinkOption.NOFOLLOW_LINKS)) {
                throw new IOException(folder + " is not a folder (a file or a symbolic link is in the way)");
            }
            Files.createDirectories(folder);
            // parsed and written in one Spark job, in a few part files, not one per shuffle partition
            SparkSession spark = parsing.sparkSession();
            parsing.coalesce(Math.max(1, spark.sparkContext().defaultParallelism())).write()
                    .parquet(temporary.toUri().toString());
            long rows = entryRows(spark, temporary, parsing.schema()).count();
            Marker marker = new Marker(key, rows, parts(temporary, hadoop), ProgramVersion.version() + " ("
                    + ProgramVersion.commit() + ")", Instant.now().toString());
            Path written = temporary.resolve(MARKER + ".partial");
            RunFolder.json().writeValue(written.toFile(), marker);
            Files.move(written, temporary.resolve(MARKER), StandardCopyOption.ATOMIC_MOVE);
            replace(folder.resolve(key), temporary);
            return true;
        } catch (IOException | RuntimeException e) {
            notes.accept("could not store the parsed inputs in the cache " + folder + ": "
                    + EnvironmentFailure.reason(e) + "; the run goes on, and the next one parses them again");
            try {
                OutputFolder.deleteTree(temporary);
            } catch (IOException left) {
                notes.accept("could not remove " + temporary + ": " + EnvironmentFailure.reason(left));
            }
            return false;
        }
    }

    /** Renames the temporary folder to the entry; an entry there already is renamed aside first, then removed. */
    private static void replace(Path entry, Path temporary) throws IOException {
        Path old = null;
        if (Files.exists(entry, LinkOption.NOFOLLOW_LINKS)) {
            old = entry.resolveSibling("old-" + ProcessHandle.current().pid() + "-" + UUID.randomUUID());
            Files.move(entry, old, StandardCopyOption.ATOMIC_MOVE);
        }
        Files.move(temporary, entry, StandardCopyOption.ATOMIC_MOVE);
        if (old != null) {
            OutputFolder.deleteTree(old);
        }
    }

    /**
     * Removes the entries beyond {@link #KEPT}, least recently used first (a hit {@link #touch}es its entry), never the
     * current one, and the temporary folders runs that were killed left: under the output's lock no other run is
     * writing here. Nothing whose name the cache does not give is touched.
     */
    private void prune(String current) throws IOException {
        List<Path> entries = new ArrayList<>();
        try (Stream<Path> all = Files.list(folder)) {
            for (Path p : all.toList()) {
                String name = p.getFileName().toString();
                if (!Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
                    continue;
                }
                if (name.matches(TEMPORARY)) {
                    OutputFolder.deleteTree(p);
                } else if (name.matches(ENTRY) && !name.equals(current)) {
                    entries.add(p);
                }
            }
        }
        entries.sort(Comparator.comparing(IngestCache::lastUsed).reversed());
        for (Path old : entries.subList(Math.min(entries.size(), KEPT - 1), entries.size())) {
            OutputFolder.deleteTree(old);
        }
    }

    /** The entry's part files (the names Spark reads: not hidden, not beginning with an underscore) with hashes. */
    private static List<Manifest.FileHash> parts(Path entry, Configuration hadoop) throws IOException {
        List<Manifest.FileHash> parts = new ArrayList<>();
        try (Stream<Path> all = Files.list(entry)) {
            for (Path p : all.sorted().toList()) {
                String name = p.getFileName().toString();
                if (!name.startsWith("_") && !name.startsWith(".")) {
                    Manifest.FileHash hash = InputAccounting.hash(p.toString(), hadoop);
                    parts.add(new Manifest.FileHash(name, hash.sha256(), hash.bytes()));
                }
            }
        }
        return parts;
    }

    private static FileTime lastUsed(Path entry) {
        try {
            return Files.getLastModifiedTime(entry, LinkOption.NOFOLLOW_LINKS);
        } catch (IOException e) {
            return FileTime.fromMillis(0);
        }
    }

    /** Marks an entry as just used, for {@link #prune}. */
    private static void touch(Path entry) {
        try {
            Files.setLastModifiedTime(entry, FileTime.from(Instant.now()));
        } catch (IOException e) {
            // only the order of pruning depends on it
        }
    }

    private static String names(List<Manifest.FileHash> parts) {
        return parts.stream().map(Manifest.FileHash::path).toList().toString();
    }
}
