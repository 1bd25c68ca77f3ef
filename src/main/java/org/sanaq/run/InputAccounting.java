package org.sanaq.run;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import java.io.IOException;
import java.io.InputStream;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.sanaq.ingest.DataFiles;
import org.sanaq.ingest.InputSpec;
import org.sanaq.results.Manifest;
import org.sanaq.schema.Conventions;
import org.sanaq.schema.Field;
import org.sanaq.schema.ProtocolColumns;
import org.sanaq.schema.SourceKind;
import org.sanaq.schema.ProtocolSchema;

/**
 * Accounts for every input row: per input, the records read, used, quarantined (unreadable) and set aside as copies
 * of another protocol (one Spark aggregation over the ingested table marked by {@link DuplicateProtocols#mark}),
 * and each file's SHA-256, streamed through the driver without holding it, with its real path when it is a link.
 */
public final class InputAccounting {
    private InputAccounting() {
    }

    /**
     * Each input's files with their SHA-256, in the order of the inputs: hashed once per run, before the read, since
     * they key the {@link IngestCache} and go into the manifest.
     */
    public static List<List<Manifest.FileHash>> hashes(List<InputSpec> inputs, Configuration hadoop)
            throws IOException {
        List<List<Manifest.FileHash>> all = new ArrayList<>();
        for (InputSpec input : inputs) {
            List<Manifest.FileHash> hashes = new ArrayList<>();
            for (String file : input.files()) {
                hashes.add(hash(file, hadoop));
            }
            all.add(hashes);
        }
        return all;
    }

    /** The accounts of a table marked by {@link DuplicateProtocols#mark}, its files hashed here. */
    public static List<Manifest.InputAccount> account(Dataset<Row> marked, List<InputSpec> inputs,
            Configuration hadoop) throws IOException {
        return account(marked, inputs, hashes(inputs, hadoop), Conventions.DEFAULT);
    }

    /**
     * The accounts of a table marked by {@link DuplicateProtocols#mark}, in the order of the inputs, with the files'
     * {@link #hashes} (in the same order), each with its {@linkplain Manifest.Coverage coverage} per level: one
     * aggregation, grouped by input, level and whether a row is a preliminary report, so bounded by inputs × levels.
     *
     * @param conventions the job's conventions, whose turnout numerator gives the ballots the coverage counts
     */
    public static List<Manifest.InputAccount> account(Dataset<Row> marked, List<InputSpec> inputs,
            List<List<Manifest.FileHash>> hashes, Conventions conventions) {
        Column usable = col(ProtocolSchema.REASON).isNull();
        Column set = col(DuplicateProtocols.STATUS);
        Column kept = usable.and(set.isNull().or(not(set.equalTo(DuplicateProtocols.CONFLICT)
                .or(set.equalTo(DuplicateProtocols.COPY)))));
        Column ballots = ProtocolColumns.turnoutNumerator(conventions);
        Map<String, long[]> counts = new HashMap<>();
        Map<String, Map<String, Manifest.Coverage>> coverage = new HashMap<>();
        for (Row r : marked.groupBy(col(ProtocolSchema.INPUT), col(Field.LEVEL.column()),
                col(Field.REPORTED_AT.column()).isNotNull().as("report"),
                col(Field.SOURCE.column()).startsWith(SourceKind.CLAIM.prefix()).as("claim"))
                .agg(count(lit(1)).as("rows"), flag(col(ProtocolSchema.REASON).isNotNull()).as("quarantined"),
                        flag(set.equalTo(DuplicateProtocols.CONFLICT)).as("conflicting"),
                        flag(set.equalTo(DuplicateProtocols.COPY)).as("copies"),
                        // a used row keeps its raw text only when control characters were removed from its names
                        flag(usable.and(col(ProtocolSchema.RAW).isNotNull())).as("cleaned"),
                        flag(kept).as("kept"),
                        sum(when(kept, col(Field.REGISTERED.column()))).as("registered"),
                        sum(when(kept, ballots)).as("ballots"))
                .collectAsList()) {
            long[] c = counts.computeIfAbsent(r.getString(0), k -> new long[5]);
            for (int k = 0; k < 5; k++) {
                c[k] += r.getLong(4 + k);
            }
            long keptRows = r.getLong(9);
            if (keptRows > 0) {
                String level = r.isNullAt(1) ? "" : r.getString(1);
                boolean report = r.getBoolean(2);
                boolean claim = !r.isNullAt(3) && r.getBoolean(3);
                boolean counted = !report && !claim; // a final protocol: its voters and ballots are the coverage
                coverage.computeIfAbsent(r.getString(0), k -> new java.util.TreeMap<>()).merge(level,
                        new Manifest.Coverage(level, counted ? keptRows : 0, report ? keptRows : 0,
                                claim && !report ? keptRows : 0, !counted || r.isNullAt(10) ? 0 : r.getLong(10),
                                !counted || r.isNullAt(11) ? 0 : r.getLong(11)),
                        Manifest.Coverage::plus);
            }
        }
        List<Manifest.InputAccount> out = new ArrayList<>();
        for (int i = 0; i < inputs.size(); i++) {
            InputSpec input = inputs.get(i);
            long[] c = counts.getOrDefault(input.id(), new long[5]);
            long rows = c[0];
            long quarantined = c[1];
            // A usable record yields one protocol per unpivot value; a quarantined record yields one row.
            int perRecord = Math.max(1, input.mapping().unpivot().values().size());
            long conflicting = c[2] / perRecord;
            long copies = c[3] / perRecord;
            long protocols = rows - quarantined - (c[2] + c[3]);
            long read = (rows - quarantined) / perRecord + quarantined;
            Map<String, Long> setAside = new LinkedHashMap<>();
            if (conflicting > 0) {
                setAside.put(Manifest.CONFLICTING_COPIES, conflicting);
            }
            if (copies > 0) {
                setAside.put(Manifest.IDENTICAL_COPIES, copies);
            }
            out.add(new Manifest.InputAccount(input.id(), input.mapping().file(), sourceOf(input), hashes.get(i), read,
                    read - quarantined - conflicting - copies, quarantined, protocols, conflicting + copies, setAside,
                    c[4] / perRecord, input.symlinks().word(), null,
                    List.copyOf(coverage.getOrDefault(input.id(), Map.of()).values())));
        }
        return out;
    }

    /**
     * An account with its mapping and local files named relative to the run folder {@code runFolder}, as the run
     * folder's readers need them (a shared run folder names no folder of the machine that made it); remote files
     * keep their URIs.
     */
    static Manifest.InputAccount relativeTo(Manifest.InputAccount account, Path runFolder) {
        Path base = runFolder.toAbsolutePath().normalize();
        List<Manifest.FileHash> files = account.files().stream().map(f -> new Manifest.FileHash(
                relative(base, f.path()), f.sha256(), f.bytes(), relative(base, f.target()))).toList();
        return new Manifest.InputAccount(account.id(), relative(base, account.mapping()), account.source(), files,
                account.rowsRead(), account.rowsUsed(), account.rowsQuarantined(), account.protocols(),
                account.rowsSetAside(), account.setAside(), account.namesCleaned(), account.symlinks(),
                account.origin(), account.coverage());
    }

    /** A local path relative to {@code base}; a remote file's URI, or null, as it is. */
    private static String relative(Path base, String path) {
        return path == null || DataFiles.isRemote(path) ? path
                : base.relativize(Path.of(path).toAbsolutePath().normalize()).toString();
    }

    /** The number of rows for which a condition holds. */
    private static Column flag(Column condition) {
        return sum(when(condition, 1L).otherwise(0L));
    }

    private static String sourceOf(InputSpec input) {
        var rule = input.mapping().fields().get(Field.SOURCE);
        return rule != null && rule.constant() != null ? rule.constant() : "from the data";
    }

    /** A file's SHA-256 and size, read through Hadoop's file system for its name (a local path or a URI). */
    static Manifest.FileHash hash(String file, Configuration hadoop) throws IOException {
        org.apache.hadoop.fs.Path path = DataFiles.hadoopPath(file);
        FileSystem fs = path.getFileSystem(hadoop);
        try (InputStream in = new DigestInputStream(fs.open(path), MessageDigest.getInstance("SHA-256"))) {
            byte[] buffer = new byte[1 << 16];
            long bytes = 0;
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                bytes += n;
            }
            String sha = HexFormat.of().formatHex(((DigestInputStream) in).getMessageDigest().digest());
            return new Manifest.FileHash(file, sha, bytes, target(file));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    /** The real path of a local file when it differs from the name (a symbolic link on the way); null otherwise. */
    private static String target(String file) throws IOException {
        if (DataFiles.isRemote(file)) {
            return null;
        }
        Path named = Path.of(file).toAbsolutePath().normalize();
        Path real = named.toRealPath();
        return real.equals(named) ? null : real.toString();
    }
}
