package org.sanaq;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.opentest4j.AssertionFailedError;

/**
 * Where tests find the project's files and the shared datasets. The shared datasets (ru-cec, ge-2024) are not part
 * of the project: a test that needs one asks {@link #shared(String)}, which skips the test when the dataset is absent
 * ({@link SharedDatasetSummary} then says so in one line at the end of the run), or fails it when
 * {@value #REQUIRE_SHARED} is true, as on CI.
 */
public final class TestData {
    /** System property: the folder holding {@code datasets/} (the pom passes {@code ../shared}). */
    public static final String SHARED = "sanaq.shared";
    /** System property: {@code true} turns a missing shared dataset into a failure instead of a skip. */
    public static final String REQUIRE_SHARED = "sanaq.requireShared";

    /** Where each shared dataset comes from (the README's "Data" section says the same, file by file). */
    static final Map<String, String> SOURCES = Map.of(
            "ru-cec", "github.com/dkobak/elections, folder data/",
            "ge-2024", "github.com/foige/georgian-elections-data, folder data/2024-parliamentary-round-1");

    private TestData() {
    }

    public static Path project() {
        return Path.of("").toAbsolutePath();
    }

    /** The folder holding the shared datasets: {@code <sanaq.shared>/datasets}. */
    public static Path sharedDatasets() {
        return Path.of(System.getProperty(SHARED, "../shared")).toAbsolutePath().normalize().resolve("datasets");
    }

    /**
     * The shared file {@code datasets/<name>}, e.g. {@code ru-cec/2018.csv.zip}. When it is missing the calling
     * test (or, from {@code @BeforeAll}, its whole class) is skipped, or failed when {@value #REQUIRE_SHARED} is set.
     */
    public static Path shared(String name) {
        return shared(sharedDatasets(), name, Boolean.getBoolean(REQUIRE_SHARED));
    }

    /**
     * Whether the shared file {@code datasets/<name>} is there: for a {@code @BeforeAll} that prepares what its tests
     * share, whose tests then call {@link #shared(String)} each (a skip from {@code @BeforeAll} hides the tests from
     * Surefire's counts).
     */
    public static boolean hasShared(String name) {
        return Files.exists(sharedDatasets().resolve(name));
    }

    /** {@link #shared(String)} with its inputs explicit, so that both outcomes can be tested. */
    static Path shared(Path datasets, String name, boolean required) {
        Path file = datasets.resolve(name);
        if (Files.exists(file)) {
            return file;
        }
        String dataset = Path.of(name).getName(0).toString();
        String where = "get it from " + SOURCES.getOrDefault(dataset, "the README's Data section")
                + " (README, \"Data\")";
        if (required) {
            throw new AssertionFailedError("the shared dataset file " + file + " is missing and " + REQUIRE_SHARED
                    + "=true: " + where);
        }
        throw new MissingSharedDataset(dataset, "skipped: the shared dataset file " + file + " is missing; " + where
                + "; -D" + REQUIRE_SHARED + "=true makes this a failure");
    }
}
