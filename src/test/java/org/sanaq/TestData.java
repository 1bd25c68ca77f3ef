package org.sanaq;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/** Where tests find the project's files and the shared datasets (which CI always has beside the project). */
public final class TestData {
    private TestData() {
    }

    public static Path project() {
        return Path.of("").toAbsolutePath();
    }

    /** ../shared/datasets/{@code name}; fails with a clear message when the shared folder is missing. */
    public static Path shared(String name) {
        Path base = Path.of(System.getProperty("sanaq.shared", "../shared")).toAbsolutePath().normalize();
        Path file = base.resolve("datasets").resolve(name);
        assertTrue(Files.exists(file), "the shared dataset " + file + " is missing: tests need ../shared beside"
                + " the project (see README, Data)");
        return file;
    }
}
