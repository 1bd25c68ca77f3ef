package org.sanaq.run;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.Map;

import org.apache.spark.SparkConf;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Spark's local folders are checked before Spark starts, which would otherwise exit with a page of errors. */
class SparkSessionsTest {
    private static final String FIX = "; set SPARK_LOCAL_DIRS to a writable folder with free space";
    private static final String CANNOT = "no such file or folder, and it cannot be created";

    @TempDir
    Path dir;

    private static SparkConf conf() {
        return new SparkConf(false);
    }

    @Test
    void anUncreatableSparkLocalDirsFailsInOneLine() {
        EnvironmentFailure e = assertThrows(EnvironmentFailure.class,
                () -> SparkSessions.checkLocalDirs(Map.of("SPARK_LOCAL_DIRS", "/proc/nope"), conf()));
        assertEquals("Spark cannot write its working files in /proc/nope (SPARK_LOCAL_DIRS): " + CANNOT + FIX,
                e.getMessage());
    }

    @Test
    void everyFolderOfTheListIsChecked() {
        String dirs = dir + ", /proc/nope";
        EnvironmentFailure e = assertThrows(EnvironmentFailure.class,
                () -> SparkSessions.checkLocalDirs(Map.of("SPARK_LOCAL_DIRS", dirs), conf()));
        assertEquals("Spark cannot write its working files in /proc/nope (SPARK_LOCAL_DIRS): " + CANNOT + FIX,
                e.getMessage());
    }

    @Test
    void sparkLocalDirIsCheckedWhenTheVariableIsUnset() {
        EnvironmentFailure e = assertThrows(EnvironmentFailure.class,
                () -> SparkSessions.checkLocalDirs(Map.of(), conf().set("spark.local.dir", "/proc/nope")));
        assertEquals("Spark cannot write its working files in /proc/nope (spark.local.dir): " + CANNOT + FIX,
                e.getMessage());
    }

    @Test
    void writableAndMissingFoldersPass() {
        assertDoesNotThrow(() -> SparkSessions.checkLocalDirs(Map.of("SPARK_LOCAL_DIRS",
                dir + "," + dir.resolve("made/as/spark/would")), conf()));
        assertDoesNotThrow(() -> SparkSessions.checkLocalDirs(Map.of(), conf()), "java.io.tmpdir");
    }

    @Test
    void onYarnTheNodeManagersFoldersAreUsed() {
        assertDoesNotThrow(() -> SparkSessions.checkLocalDirs(Map.of("CONTAINER_ID", "c1", "SPARK_LOCAL_DIRS",
                "/proc/nope"), conf()));
    }
}
