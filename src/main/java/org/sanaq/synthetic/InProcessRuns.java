package org.sanaq.synthetic;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;
import java.util.function.IntFunction;
import java.util.stream.IntStream;

/**
 * What the in-process calibrations ({@link DigitCalibration}, {@link KlimekRecovery}) share: judging the elections of
 * consecutive seeds a few threads at a time, and writing their tables.
 */
final class InProcessRuns {
    private InProcessRuns() {
    }

    /**
     * The results of elections k = 0 … seeds − 1, {@code threads} at a time, in k's order (so they do not depend on
     * the number of threads); {@code what} names the calibration in an error.
     */
    static <T> List<T> perSeed(int threads, int seeds, IntFunction<T> election, String what) {
        ForkJoinPool pool = new ForkJoinPool(threads);
        try {
            return pool.submit(() -> IntStream.range(0, seeds).parallel().mapToObj(election).toList()).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(what + " interrupted", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("a " + what + " run failed: " + e.getCause(), e.getCause());
        } finally {
            pool.shutdown();
        }
    }

    /** A CSV table: the comment (lines starting with #, or empty), the header, the rows. */
    static void write(Path file, List<String> columns, List<List<String>> rows, String comment) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write(comment);
            out.write(String.join(",", columns) + "\n");
            for (List<String> row : rows) {
                out.write(String.join(",", row) + "\n");
            }
        }
    }
}
