package org.sanaq;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;

/**
 * Ends a test run with one line when tests were skipped for want of a shared dataset ({@link MissingSharedDataset}):
 * how many, which datasets, where to get them. Registered with the JUnit Platform through
 * META-INF/services/org.junit.platform.launcher.TestExecutionListener, so it runs once per Surefire/Failsafe fork.
 * The line also goes to the file {@value #SUMMARY_FILE} names (Surefire sets it), which the pom prints again as
 * the last line of {@code mvn verify}.
 */
public final class SharedDatasetSummary implements TestExecutionListener {
    /** System property: the file that holds the summary line after a run that skipped (none after one that did not). */
    static final String SUMMARY_FILE = "sanaq.sharedSkips";

    private final PrintStream out;
    private final Path datasets;
    private final Path file;
    private final Set<String> missing = new TreeSet<>();
    private TestPlan plan;
    private long skipped;

    /**
     * The instance the JUnit Platform loads. It writes to the process's own standard error: Surefire puts what tests
     * print via System.out/err into files (redirectTestOutputToFile), but passes the fork's native stderr to Maven.
     */
    public SharedDatasetSummary() {
        this(new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8),
                TestData.sharedDatasets(), System.getProperty(SUMMARY_FILE));
    }

    /** {@code file} may be null: then the line is only printed. */
    SharedDatasetSummary(PrintStream out, Path datasets, String file) {
        this.out = out;
        this.datasets = datasets;
        this.file = file == null ? null : Path.of(file);
    }

    @Override
    public void testPlanExecutionStarted(TestPlan testPlan) {
        plan = testPlan;
        missing.clear();
        skipped = 0;
        if (file != null) {
            try {
                Files.deleteIfExists(file); // a line from an earlier run must not outlive it
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    @Override
    public void executionFinished(TestIdentifier id, TestExecutionResult result) {
        if (result.getStatus() == TestExecutionResult.Status.ABORTED
                && result.getThrowable().orElse(null) instanceof MissingSharedDataset m) {
            missing.add(m.dataset());
            // A class skipped from @BeforeAll reports no event for its tests: count them in the plan.
            skipped += id.isTest() ? 1 : plan.getDescendants(id).stream().filter(TestIdentifier::isTest).count();
        }
    }

    @Override
    public void testPlanExecutionFinished(TestPlan testPlan) {
        if (skipped == 0) {
            return;
        }
        out.println(line());
        if (file != null) {
            try {
                Files.createDirectories(file.toAbsolutePath().getParent());
                Files.writeString(file, line(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** The summary line (after a run that skipped). */
    private String line() {
        String sources = missing.stream()
                .map(d -> d + " (from " + TestData.SOURCES.getOrDefault(d, "see the README") + ")")
                .collect(Collectors.joining(", "));
        return "sanaq: " + skipped + (skipped == 1 ? " test" : " tests") + " SKIPPED because shared datasets are"
                + " missing from " + datasets + ": " + sources + "; the README's \"Data\" section says which files go"
                + " where. -D" + TestData.REQUIRE_SHARED + "=true makes these skips failures.";
    }
}
