package org.sanaq.run;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import java.io.IOException;
import java.io.InputStream;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.sanaq.ingest.InputSpec;
import org.sanaq.results.Manifest;
import org.sanaq.schema.Field;
import org.sanaq.schema.ProtocolSchema;

/**
 * Accounts for every input row: per input, the records read, used and quarantined (one Spark aggregation over
 * the ingested table), and each file's SHA-256, streamed through the driver without holding it.
 */
final class InputAccounting {
    private InputAccounting() {
    }

    static List<Manifest.InputAccount> account(Dataset<Row> ingested, List<InputSpec> inputs, Configuration hadoop)
            throws IOException {
        Map<String, long[]> counts = new HashMap<>();
        for (Row r : ingested.groupBy(col(ProtocolSchema.INPUT))
                .agg(count(lit(1)).as("rows"),
                        sum(when(col(ProtocolSchema.REASON).isNull(), 0L).otherwise(1L)).as("quarantined"))
                .collectAsList()) {
            counts.put(r.getString(0), new long[] {r.getLong(1), r.getLong(2)});
        }
        List<Manifest.InputAccount> out = new ArrayList<>();
        for (InputSpec input : inputs) {
            long[] c = counts.getOrDefault(input.id(), new long[2]);
            long quarantined = c[1];
            long protocols = c[0] - quarantined;
            // A used record yields one protocol per unpivot value; a quarantined record yields one row.
            int perRecord = Math.max(1, input.mapping().unpivot().values().size());
            long used = protocols / perRecord;
            List<Manifest.FileHash> hashes = new ArrayList<>();
            for (String file : input.files()) {
                hashes.add(hash(file, hadoop));
            }
            out.add(new Manifest.InputAccount(input.id(), input.mapping().file(), sourceOf(input), hashes,
                    used + quarantined, used, quarantined, protocols));
        }
        return out;
    }

    private static String sourceOf(InputSpec input) {
        var rule = input.mapping().fields().get(Field.SOURCE);
        return rule != null && rule.constant() != null ? rule.constant() : "from the data";
    }

    private static Manifest.FileHash hash(String file, Configuration hadoop) throws IOException {
        org.apache.hadoop.fs.Path path = new org.apache.hadoop.fs.Path(file);
        FileSystem fs = path.getFileSystem(hadoop);
        try (InputStream in = new DigestInputStream(fs.open(path), MessageDigest.getInstance("SHA-256"))) {
            byte[] buffer = new byte[1 << 16];
            long bytes = 0;
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                bytes += n;
            }
            String sha = HexFormat.of().formatHex(((DigestInputStream) in).getMessageDigest().digest());
            return new Manifest.FileHash(file, sha, bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
