package org.sanaq.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import org.apache.spark.sql.Row;
import org.sanaq.schema.Field;
import org.sanaq.schema.ProtocolSchema;

/**
 * Times ingest's parsing alone, without Spark: one data file read through a mapping into rows, as a Spark task
 * reads it, several times over so that the JIT has compiled the hot code. Not a test: a tool to run by hand,
 * {@code java -cp target/test-classes:target/classes:$(cat /tmp/cp.txt) org.sanaq.ingest.ParseTiming
 * jobs/mappings/ru-cec-polling-stations.yaml ../shared/datasets/ru-cec/2018.csv.zip [rounds]}.
 */
public final class ParseTiming {
    private ParseTiming() {
    }

    /** The CPU time of the reading thread is what to compare on a shared machine, its wall time less so. */
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    public static void main(String[] args) throws Exception {
        // as a job input naming its election does
        Mapping mapping = MappingLoader.load(Path.of(args[0])).withConstants(Map.of(Field.ELECTION, "timing"));
        Path file = Path.of(args[1]);
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 5;
        long textBytes = textBytes(file);
        for (int round = 1; round <= rounds; round++) {
            long start = System.nanoTime();
            long cpuStart = THREADS.getCurrentThreadCpuTime();
            long rows = 0;
            long quarantined = 0;
            int reason = ProtocolSchema.ingested().fieldIndex(ProtocolSchema.REASON);
            try (InputStream in = Files.newInputStream(file)) {
                var it = Ingest.rowsOf("bench", mapping, file.toString(), in);
                while (it.hasNext()) {
                    Row row = it.next();
                    rows++;
                    if (!row.isNullAt(reason)) {
                        quarantined++;
                    }
                }
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            double cpu = (THREADS.getCurrentThreadCpuTime() - cpuStart) / 1e9;
            System.out.printf(Locale.ROOT, "round %d: %,d rows (%,d quarantined) in %.3f s wall, %.3f s CPU of this"
                    + " thread: %,.0f rows/s, %.1f MB/s of text (CPU)%n", round, rows, quarantined, seconds, cpu,
                    rows / cpu, textBytes / cpu / 1e6);
        }
    }

    /** The size of the text read: the file, or the sum of its entries' sizes when it is a zip. */
    private static long textBytes(Path file) throws IOException {
        if (!file.toString().endsWith(".zip")) {
            return Files.size(file);
        }
        try (ZipFile zip = new ZipFile(file.toFile())) {
            return zip.stream().mapToLong(ZipEntry::getSize).sum();
        }
    }
}
