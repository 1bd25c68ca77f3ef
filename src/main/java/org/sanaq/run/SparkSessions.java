package org.sanaq.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.config.Configurator;
import org.apache.spark.SparkConf;
import org.apache.spark.sql.SparkSession;

/**
 * The one place a SparkSession is made. Under {@code spark-submit} the master and settings come from the
 * cluster; otherwise sanaq runs on embedded local Spark bound to the loopback address with the UI off. A machine
 * that cannot run Spark fails here with one line ({@link EnvironmentFailure}), not with Spark's stack traces.
 */
public final class SparkSessions {
    private static final String LOCAL_DIRS = "SPARK_LOCAL_DIRS";
    private static final String SPARK_LOGGER = "org.apache.spark";

    private SparkSessions() {
    }

    /** A new session; or the one this JVM runs already (a test's), used as it is, since it belongs to its owner. */
    public static SparkSession start(String appName) throws EnvironmentFailure {
        if (running()) {
            return SparkSession.active();
        }
        SparkConf conf = new SparkConf().setAppName("sanaq " + appName);
        if (!conf.contains("spark.master")) {
            conf.setMaster("local[*]")
                    .set("spark.driver.host", "127.0.0.1")
                    .set("spark.driver.bindAddress", "127.0.0.1")
                    .set("spark.ui.enabled", "false")
                    .set("spark.sql.shuffle.partitions", "8");
        }
        // Explicit, so that Spark 3.5 and 4.x behave the same; the code never relies on either default.
        conf.setIfMissing("spark.sql.ansi.enabled", "true");
        // The ingested table is cached once and read by every pass. Its partitions come from the duplicate
        // marking's shuffle; without this, adaptive execution may not coalesce a cached plan's partitions, and every
        // pass then runs spark.sql.shuffle.partitions (200 by default on a cluster) tasks over a small table.
        conf.setIfMissing("spark.sql.optimizer.canChangeCachedPlanOutputPartitioning", "true");
        // Spark exits the JVM (code 53) after a page of errors when it cannot create its local folders: check first.
        checkLocalDirs(System.getenv(), conf);
        Level before = quiet(System.getenv("SANAQ_DEBUG") == null ? Level.OFF : null);
        try {
            return SparkSession.builder().config(conf).getOrCreate();
        } catch (Exception e) { // Scala throws checked exceptions (SparkException) undeclared
            throw new EnvironmentFailure("Spark could not start: " + EnvironmentFailure.reason(e) + "; check the"
                    + " Spark settings (spark.master, SPARK_LOCAL_IP), or set SANAQ_DEBUG=1 for the details", e);
        } finally {
            quiet(before);
        }
    }

    /**
     * Sets Spark's log level and returns the one it had: while Spark starts, its errors would repeat, in pages of
     * stack traces, what sanaq's one line says (SANAQ_DEBUG=1 keeps them). Null changes nothing.
     */
    private static Level quiet(Level level) {
        if (level == null) {
            return null;
        }
        Level before = LogManager.getLogger(SPARK_LOGGER).getLevel();
        Configurator.setLevel(SPARK_LOGGER, level);
        return before;
    }

    /** Whether this JVM runs a SparkSession already (a test's, or a caller's), which its owner stops. */
    public static boolean running() {
        return SparkSession.getDefaultSession().isDefined();
    }

    /**
     * Checks that Spark can write in its local folders, found as Spark finds them outside YARN: SPARK_LOCAL_DIRS
     * (comma-separated), else spark.local.dir, else java.io.tmpdir. A missing folder is created, as Spark would.
     */
    static void checkLocalDirs(Map<String, String> env, SparkConf conf) throws EnvironmentFailure {
        if (env.containsKey("CONTAINER_ID")) {
            return; // on YARN, Spark uses the node manager's folders
        }
        String source = LOCAL_DIRS;
        String dirs = env.get(LOCAL_DIRS);
        if (dirs == null || dirs.isBlank()) {
            source = "spark.local.dir";
            dirs = conf.contains(source) ? conf.get(source) : null;
        }
        if (dirs == null || dirs.isBlank()) {
            source = "java.io.tmpdir";
            dirs = System.getProperty(source);
        }
        for (String dir : dirs.split(",")) {
            if (!dir.isBlank()) {
                checkWritable(Path.of(dir.strip()), source);
            }
        }
    }

    private static void checkWritable(Path dir, String source) throws EnvironmentFailure {
        try {
            Files.createDirectories(dir);
            Files.delete(Files.createTempFile(dir, ".sanaq-check-", ""));
        } catch (IOException | RuntimeException e) {
            throw new EnvironmentFailure("Spark cannot write its working files in " + dir + " (" + source + "): "
                    + EnvironmentFailure.reason(e) + "; set " + LOCAL_DIRS + " to a writable folder with free space",
                    e);
        }
    }
}
