package org.sanaq.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.stream.IntStream;

import org.apache.hadoop.fs.Path;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.util.SerializableConfiguration;
import org.sanaq.schema.ProtocolRecord;
import org.sanaq.schema.ProtocolSchema;

/**
 * Reads every input of a job through its mapping into one Spark table of {@link ProtocolSchema#ingested()} rows:
 * usable protocols and quarantined records side by side, each with its input, file and line. Each file is read
 * by one task, streaming, so files of any size and any number of files work; nothing reaches the driver. A file is
 * opened by exactly the name the job gives ({@link DataFiles#hadoopPath}): no name is a glob or a list.
 */
public final class Ingest {

    private Ingest() {
    }

    public static Dataset<Row> read(SparkSession spark, List<InputSpec> inputs) {
        JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        Broadcast<SerializableConfiguration> hadoop = jsc.broadcast(
                new SerializableConfiguration(jsc.hadoopConfiguration()));
        JavaRDD<Row> all = null;
        for (InputSpec input : inputs) {
            // one slice per file, so one task per file, as binaryFiles gave (which also expanded globs and commas)
            List<Integer> files = IntStream.range(0, input.files().size()).boxed().toList();
            JavaRDD<Row> rows = jsc.parallelize(files, Math.max(1, files.size()))
                    .flatMap(new ReadFile(input, hadoop));
            all = all == null ? rows : all.union(rows);
        }
        if (all == null) {
            all = jsc.emptyRDD();
        }
        return spark.createDataFrame(all, ProtocolSchema.ingested());
    }

    /**
     * The task that reads one data file of an input (by its position), lazily: one record in memory at a time. The
     * rows record the file by its name in the job, not by its path.
     */
    static final class ReadFile implements FlatMapFunction<Integer, Row> {
        private static final long serialVersionUID = 1L;
        private final InputSpec input;
        private final Broadcast<SerializableConfiguration> hadoop;

        ReadFile(InputSpec input, Broadcast<SerializableConfiguration> hadoop) {
            this.input = input;
            this.hadoop = hadoop;
        }

        @Override
        public Iterator<Row> call(Integer file) throws IOException {
            Path path = DataFiles.hadoopPath(input.files().get(file));
            return rowsOf(input.id(), input.mapping(), input.names().get(file),
                    path.getFileSystem(hadoop.value().value()).open(path));
        }
    }

    /** The rows of one data file read from {@code in}, which is closed at the end (or when opening fails). */
    static Iterator<Row> rowsOf(String input, Mapping mapping, String file, InputStream in) throws IOException {
        try {
            return new FileRows(input, mapping, DataFiles.open(file, in, mapping.format()), in);
        } catch (IOException e) {
            in.close();
            throw e;
        }
    }

    /** Rows of one data file, produced as the consumer asks for them. */
    private static final class FileRows implements Iterator<Row> {
        private final String input;
        private final Mapping mapping;
        private final DataFiles.Entries entries;
        private final InputStream stream;
        private final Deque<Row> pending = new ArrayDeque<>();
        private DataFiles.Entry entry;
        private BoundMapping bound;
        private String unfit;
        private boolean done;

        FileRows(String input, Mapping mapping, DataFiles.Entries entries, InputStream stream) {
            this.input = input;
            this.mapping = mapping;
            this.entries = entries;
            this.stream = stream;
        }

        @Override
        public boolean hasNext() {
            try {
                while (pending.isEmpty() && !done) {
                    advance();
                }
                return !pending.isEmpty();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public Row next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            return pending.removeFirst();
        }

        private void advance() throws IOException {
            if (entry == null) {
                entry = entries.next();
                if (entry == null) {
                    done = true;
                    stream.close();
                    return;
                }
                CsvRecord header = DataFiles.header(entry.reader(), mapping.format());
                if (header == null) {
                    entry = null;
                    return;
                }
                try {
                    bound = mapping.bind(header.cells());
                    unfit = null;
                } catch (MappingException e) {
                    bound = null;
                    unfit = "the file's header does not fit the mapping: " + e.getMessage();
                }
            }
            CsvRecord record = entry.reader().next();
            if (record == null) {
                entry = null;
                return;
            }
            BoundMapping.Conversion c = bound == null ? null : bound.convert(record);
            String reason = bound == null ? unfit : c.reason();
            if (reason != null) {
                pending.add(ProtocolRecord.quarantineRow(input, entry.name(), record.line(), reason, record.raw()));
            } else {
                for (ProtocolRecord p : c.protocols()) {
                    // a usable row keeps its raw text only when its names lost control characters
                    pending.add(p.toRow(input, entry.name(), record.line(), c.namesCleaned() ? record.raw() : null));
                }
            }
        }
    }
}
