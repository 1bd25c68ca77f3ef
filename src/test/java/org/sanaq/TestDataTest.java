package org.sanaq;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.core.LauncherConfig;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.opentest4j.AssertionFailedError;
import org.opentest4j.TestAbortedException;

/**
 * The switch between skipping and failing when a shared dataset is missing, and the one-line summary of the skips.
 * The summary is tested by running the nested classes below on a JUnit Platform launcher of its own (Surefire
 * leaves nested classes alone).
 */
class TestDataTest {
    /** A datasets folder that does not exist. */
    static final Path NOWHERE = Path.of("/nonexistent-sanaq-shared/datasets");

    @TempDir
    Path dir;

    @Test
    void aMissingDatasetSkipsWithoutTheSwitch() {
        MissingSharedDataset e = assertThrows(MissingSharedDataset.class,
                () -> TestData.shared(NOWHERE, "ru-cec/2018.csv.zip", false));
        assertTrue(e instanceof TestAbortedException, "JUnit reports an aborted test as skipped");
        assertEquals("ru-cec", e.dataset());
        assertEquals("skipped: the shared dataset file /nonexistent-sanaq-shared/datasets/ru-cec/2018.csv.zip is"
                + " missing; get it from github.com/dkobak/elections, folder data/ (README, \"Data\");"
                + " -Dsanaq.requireShared=true makes this a failure", e.getMessage());
    }

    @Test
    void aMissingDatasetFailsWithTheSwitch() {
        AssertionFailedError e = assertThrows(AssertionFailedError.class,
                () -> TestData.shared(NOWHERE, "ge-2024/cec_scrape_proportional.csv", true));
        assertEquals("the shared dataset file /nonexistent-sanaq-shared/datasets/ge-2024/cec_scrape_proportional.csv"
                + " is missing and sanaq.requireShared=true: get it from github.com/foige/georgian-elections-data,"
                + " folder data/2024-parliamentary-round-1 (README, \"Data\")", e.getMessage());
    }

    @Test
    void aPresentFileIsFoundWithOrWithoutTheSwitch() throws Exception {
        Path file = Files.createDirectories(dir.resolve("ru-cec")).resolve("2018.csv.zip");
        Files.writeString(file, "x");
        assertEquals(file, TestData.shared(dir, "ru-cec/2018.csv.zip", false));
        assertEquals(file, TestData.shared(dir, "ru-cec/2018.csv.zip", true));
    }

    /** The entry points the tests call read both system properties (the pom passes them to Surefire). */
    @Test
    void theSwitchIsTheSystemPropertySanaqRequireShared() throws Exception {
        String shared = System.getProperty(TestData.SHARED);
        String required = System.getProperty(TestData.REQUIRE_SHARED);
        try {
            Path present = Files.createDirectories(dir.resolve("shared/datasets/ru-cec")).resolve("2018.csv.zip");
            Files.writeString(present, "x");
            System.setProperty(TestData.SHARED, dir.resolve("shared").toString());
            assertTrue(TestData.hasShared("ru-cec/2018.csv.zip"));
            assertEquals(present, TestData.shared("ru-cec/2018.csv.zip"));

            System.setProperty(TestData.SHARED, dir.resolve("no-shared").toString());
            assertFalse(TestData.hasShared("ru-cec/2018.csv.zip"));
            System.setProperty(TestData.REQUIRE_SHARED, "false");
            assertThrows(MissingSharedDataset.class, () -> TestData.shared("ru-cec/2018.csv.zip"));
            System.setProperty(TestData.REQUIRE_SHARED, "true");
            AssertionFailedError e = assertThrows(AssertionFailedError.class,
                    () -> TestData.shared("ru-cec/2018.csv.zip"));
            assertTrue(e.getMessage().startsWith("the shared dataset file " + dir.resolve("no-shared/datasets/ru-cec"
                    + "/2018.csv.zip")), e.getMessage());
        } finally {
            restore(TestData.SHARED, shared);
            restore(TestData.REQUIRE_SHARED, required);
        }
    }

    @Test
    void theSummaryCountsTheSkippedTestsNamesTheDatasetsAndIsWrittenToItsFile() throws Exception {
        Path file = dir.resolve("target/shared-datasets-skipped.txt");
        String expected = "sanaq: 4 tests SKIPPED because shared datasets are missing from "
                + "/nonexistent-sanaq-shared/datasets: ge-2024 (from github.com/foige/georgian-elections-data, folder"
                + " data/2024-parliamentary-round-1), ru-cec (from github.com/dkobak/elections, folder data/); the"
                + " README's \"Data\" section says which files go where. -Dsanaq.requireShared=true makes these skips"
                + " failures.";
        // one test of NeedsRuCec, all three of NeedsGeForAll; the other skip has another reason and is not counted
        assertEquals(expected + System.lineSeparator(), run(file, NeedsRuCec.class, NeedsGeForAll.class,
                SkipsForAnotherReason.class));
        assertEquals(expected, Files.readString(file));

        // a run that skips nothing prints nothing and removes the previous run's line
        assertEquals("", run(file, SkipsForAnotherReason.class));
        assertFalse(Files.exists(file));
    }

    /** Runs the classes with a SharedDatasetSummary writing to a string (returned) and to {@code file}. */
    private static String run(Path file, Class<?>... classes) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Launcher launcher = LauncherFactory.create(LauncherConfig.builder()
                .enableTestExecutionListenerAutoRegistration(false).build());
        SummaryGeneratingListener counts = new SummaryGeneratingListener();
        var request = LauncherDiscoveryRequestBuilder.request();
        for (Class<?> c : classes) {
            request.selectors(selectClass(c));
        }
        launcher.execute(request.build(), counts, new SharedDatasetSummary(
                new PrintStream(out, true, StandardCharsets.UTF_8), NOWHERE, file.toString()));
        assertEquals(0, counts.getSummary().getTotalFailureCount(), "the fixtures themselves never fail");
        return out.toString(StandardCharsets.UTF_8);
    }

    private static void restore(String property, String value) {
        if (value == null) {
            System.clearProperty(property);
        } else {
            System.setProperty(property, value);
        }
    }

    /** One test needs ru-cec, one does not. */
    static class NeedsRuCec {
        @Test
        void needsIt() {
            TestData.shared(NOWHERE, "ru-cec/2018.csv.zip", false);
        }

        @Test
        void doesNot() {
        }
    }

    /** The whole class needs ge-2024, asked in {@code @BeforeAll}: its three tests are skipped unannounced. */
    static class NeedsGeForAll {
        @BeforeAll
        static void needsIt() {
            TestData.shared(NOWHERE, "ge-2024/cec_scrape_proportional.csv", false);
        }

        @Test
        void one() {
        }

        @Test
        void two() {
        }

        @Test
        void three() {
        }
    }

    /** Skipped for a reason other than a shared dataset (poppler missing, say). */
    static class SkipsForAnotherReason {
        @Test
        void skips() {
            Assumptions.assumeTrue(false, "not here");
        }
    }
}
