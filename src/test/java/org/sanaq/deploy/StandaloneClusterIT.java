package org.sanaq.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Runs the shaded jar on a real Spark standalone cluster on loopback: a master and a worker started from Spark's
 * Maven jars (target/spark-home-<version>/jars, filled at pre-integration-test), then {@code SparkSubmit --deploy-mode client}.
 * Every process binds to 127.0.0.1. Logs and the run folder stay in target/standalone-cluster-it/.
 */
class StandaloneClusterIT {

    private static final String LOOPBACK = "127.0.0.1";
    private static final String JOB = "jobs/kz-2023-majilis.yaml";
    private static final Duration CLUSTER_START_TIMEOUT = Duration.ofSeconds(90);
    private static final Duration SUBMIT_TIMEOUT = Duration.ofMinutes(5);

    private final Path sparkHome = Path.of(property("sanaq.it.spark.home")).toAbsolutePath();
    private final Path sparkJar = Path.of(property("sanaq.spark.jar")).toAbsolutePath();
    private final List<String> addOpens = Arrays.asList(property("sanaq.it.add.opens").trim().split("\\s+"));
    private final Path work = Path.of("target", "standalone-cluster-it").toAbsolutePath();
    private final List<Process> processes = new ArrayList<>();

    @AfterEach
    void stopCluster() {
        // The worker launches executors as its own children: take the descendants before they are orphaned.
        List<ProcessHandle> all = new ArrayList<>();
        for (Process process : processes) {
            process.descendants().forEach(all::add);
            all.add(process.toHandle());
        }
        all.forEach(ProcessHandle::destroy);
        for (ProcessHandle handle : all) {
            try {
                handle.onExit().get(20, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                handle.destroyForcibly();
            } catch (ExecutionException | TimeoutException e) {
                handle.destroyForcibly();
            }
        }
    }

    @Test
    void runsTheJobOnAStandaloneCluster() throws Exception {
        assertTrue(Files.isRegularFile(sparkJar), "shaded jar missing (run `mvn verify`): " + sparkJar);
        assertTrue(Files.isDirectory(sparkHome.resolve("jars")), "SPARK_HOME/jars missing: " + sparkHome);
        assertTrue(Files.isRegularFile(Path.of(JOB)), "job missing: " + Path.of(JOB).toAbsolutePath());
        deleteRecursively(work);
        Path output = Files.createDirectories(work.resolve("output"));

        int masterPort = freePort();
        String master = "spark://" + LOOPBACK + ":" + masterPort;
        Path masterLog = work.resolve("master.log");
        // No REST submission server: it would take the fixed port 6066, shared with any concurrent run.
        processes.add(start(javaCommand(List.of("-Dspark.master.rest.enabled=false"),
                "org.apache.spark.deploy.master.Master", "--host", LOOPBACK, "--port", String.valueOf(masterPort),
                "--webui-port", String.valueOf(freePort())), masterLog));
        processes.add(start(javaCommand(List.of(), "org.apache.spark.deploy.worker.Worker", master,
                "--host", LOOPBACK, "--cores", "1", "--memory", "2g",
                "--webui-port", String.valueOf(freePort()),
                "--work-dir", Files.createDirectories(work.resolve("worker")).toString()), work.resolve("worker.log")));
        awaitLog(masterLog, "Registering worker");

        Path submitLog = work.resolve("submit.log");
        Instant started = Instant.now();
        Process submit = start(javaCommand(List.of(), "org.apache.spark.deploy.SparkSubmit",
                "--master", master, "--deploy-mode", "client",
                "--class", "org.sanaq.cli.Main",
                "--conf", "spark.driver.host=" + LOOPBACK,
                "--conf", "spark.driver.bindAddress=" + LOOPBACK,
                "--conf", "spark.executor.memory=1g",
                "--conf", "spark.ui.enabled=false",
                // the test job is tiny: Spark's default of 200 shuffle partitions would only add scheduling
                "--conf", "spark.sql.shuffle.partitions=4",
                sparkJar.toString(), "run", JOB, "--output", output.toString()), submitLog);
        processes.add(submit); // so that a timed-out driver is stopped with the rest
        if (!submit.waitFor(SUBMIT_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
            fail("spark-submit did not finish within " + SUBMIT_TIMEOUT + "\n" + tail(submitLog));
        }
        System.out.printf("spark-submit on %s took %.1f s%n", master,
                Duration.between(started, Instant.now()).toMillis() / 1000.0);
        assertEquals(0, submit.exitValue(), "spark-submit failed\n" + tail(submitLog));

        for (String file : List.of("manifest.json", "findings.json", "metrics.csv", "report.pdf")) {
            Path path = output.resolve(file);
            assertTrue(Files.isRegularFile(path) && Files.size(path) > 0, "missing or empty: " + path);
        }
        String sparkMaster = new ObjectMapper().readTree(output.resolve("manifest.json").toFile())
                .path("sparkMaster").asText("");
        assertTrue(sparkMaster.startsWith("spark://" + LOOPBACK + ":"), "manifest.json sparkMaster: " + sparkMaster);
        // The same finding as on local Spark (KzJobTest, worked out independently there): 139 round cells.
        assertTrue(Files.readAllLines(output.resolve("metrics.csv"))
                .contains("round_percentages,national,d=2,round_cells,139"), "metrics.csv lacks the kz finding");
    }

    /** A JVM on SPARK_HOME/jars with Spark's module flags; the launched Spark code inherits the environment. */
    private List<String> javaCommand(List<String> jvmOptions, String mainClass, String... args) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx1g");
        command.addAll(addOpens);
        command.addAll(jvmOptions);
        command.add("-cp");
        command.add(sparkHome.resolve("jars") + File.separator + "*");
        command.add(mainClass);
        command.addAll(List.of(args));
        return command;
    }

    private Process start(List<String> command, Path log) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().put("SPARK_HOME", sparkHome.toString());
        builder.environment().put("SPARK_SCALA_VERSION", property("sanaq.it.scala.version"));
        builder.environment().put("SPARK_LOCAL_IP", LOOPBACK);
        builder.environment().remove("SPARK_CONF_DIR");
        return builder.start();
    }

    private void awaitLog(Path log, String line) throws IOException, InterruptedException {
        Instant deadline = Instant.now().plus(CLUSTER_START_TIMEOUT);
        while (Instant.now().isBefore(deadline)) {
            if (Files.exists(log) && Files.readString(log, StandardCharsets.UTF_8).contains(line)) {
                return;
            }
            for (Process process : processes) {
                if (!process.isAlive()) {
                    fail("a cluster process exited early (" + process.exitValue() + "); see " + work);
                }
            }
            Thread.sleep(250);
        }
        fail("no \"" + line + "\" in " + log + " within " + CLUSTER_START_TIMEOUT + "\n" + tail(log));
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(LOOPBACK))) {
            return socket.getLocalPort();
        }
    }

    private static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            List<String> last = lines.subList(Math.max(0, lines.size() - 40), lines.size());
            return "last lines of " + log + ":\n" + String.join("\n", last);
        } catch (IOException e) {
            return "(cannot read " + log + ": " + e + ")";
        }
    }

    private static String property(String name) {
        String value = System.getProperty(name);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("system property " + name + " is not set; run through `mvn verify`");
        }
        return value;
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (Files.exists(dir)) {
            try (var paths = Files.walk(dir)) {
                for (Path path : paths.sorted((a, b) -> b.compareTo(a)).toList()) {
                    Files.delete(path);
                }
            }
        }
    }
}
