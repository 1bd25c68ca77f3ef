package org.sanaq;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** The command line in a JVM of its own, with this JVM's classpath and module flags. */
public final class CliProcess {
    private CliProcess() {
    }

    /** Starts the command line with its output and errors to a log file. */
    public static Process start(Path log, Map<String, String> env, String... args) throws Exception {
        return builder(env, args).redirectOutput(log.toFile()).start();
    }

    /** Starts the command line with its output and errors read line by line, as they come. */
    public static Lines startReading(Map<String, String> env, String... args) throws Exception {
        return new Lines(builder(env, args).start());
    }

    private static ProcessBuilder builder(Map<String, String> env, String... args) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        for (String arg : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
            if (arg.startsWith("--add-opens") || arg.startsWith("-Djdk.reflect")) {
                command.add(arg);
            }
        }
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), "org.sanaq.cli.Main"));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        pb.environment().put("SPARK_LOCAL_IP", "127.0.0.1");
        pb.environment().putAll(env);
        return pb;
    }

    /** The id of a process that has ended (a short-lived {@code true}). */
    public static long deadPid() throws Exception {
        Process done = new ProcessBuilder("true").start();
        done.waitFor();
        return done.pid();
    }

    /**
     * A running command line whose output a daemon thread reads to its end, so that a test can wait for what the
     * run says rather than for a time. The thread keeps reading after the test stops waiting, so the run never
     * blocks on a full pipe.
     */
    public static final class Lines {
        /** Marks the end of the output in the queue; compared by identity, so no line printed is taken for it. */
        private static final String END = new String("\u0000end");
        private final Process process;
        private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        private final StringBuilder seen = new StringBuilder();

        private Lines(Process process) {
            this.process = process;
            Thread reader = new Thread(this::read, "cli-output-" + process.pid());
            reader.setDaemon(true);
            reader.start();
        }

        private void read() {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(),
                    StandardCharsets.UTF_8))) {
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    lines.add(line);
                }
            } catch (IOException e) {
                lines.add("(the output could not be read further: " + e.getMessage() + ")");
            } finally {
                lines.add(END);
            }
        }

        public Process process() {
            return process;
        }

        /**
         * Waits for the first line (after those already waited for) that contains {@code fragment}. Fails if the
         * output ends first (the command ended), or, as a safety net only, if the command is still silent after
         * {@code safetyNet}; either failure shows the output so far.
         */
        public String await(String fragment, Duration safetyNet) throws InterruptedException {
            long deadline = System.nanoTime() + safetyNet.toNanos();
            while (true) {
                String line = lines.poll(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                if (line == null) {
                    fail("no line with '" + fragment + "' after " + safetyNet.toMinutes() + " minutes while the"
                            + " command still runs (a safety net: the machine may be extremely busy, or the command"
                            + " hangs); its output so far:\n" + seen);
                }
                if (line == END) {
                    lines.add(END); // for later waits
                    fail("the command ended before saying '" + fragment + "'; its output:\n" + seen);
                }
                seen.append(line).append('\n');
                if (line.contains(fragment)) {
                    return line;
                }
            }
        }
    }
}
