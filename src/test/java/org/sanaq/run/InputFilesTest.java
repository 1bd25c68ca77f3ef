package org.sanaq.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sanaq.TestData;
import org.sanaq.ingest.InputSpec;

/** How a job spec names its data files: literally, with a choice for symbolic links; checked before Spark. */
class InputFilesTest {
    @TempDir
    Path dir;

    private Path job(String files, String inputKeys) throws Exception {
        Files.copy(TestData.project().resolve("src/test/resources/broken/good.csv"), dir.resolve("good.csv"),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        return Files.writeString(dir.resolve("job.yaml"), """
                job: files
                election: e
                inputs:
                  - id: official
                    files: %s
                    mapping: %s
                    %s
                checks:
                  round_percentages:
                """.formatted(files, TestData.project().resolve("jobs/mappings/canonical.yaml"), inputKeys));
    }

    @Test
    void symlinksAreFollowedByDefaultAndTheChoiceIsKept() throws Exception {
        assertEquals(InputSpec.Symlinks.FOLLOW, JobSpecLoader.load(job("good.csv", "")).inputs().get(0).symlinks());
        assertEquals(InputSpec.Symlinks.REFUSE,
                JobSpecLoader.load(job("good.csv", "symlinks: refuse")).inputs().get(0).symlinks(),
                "a file that is not a link is read under 'refuse'");
    }

    @Test
    void anUnknownSymlinksChoiceNamesTheKey() throws Exception {
        SpecException e = assertThrows(SpecException.class, () -> JobSpecLoader.load(job("good.csv",
                "symlinks: ignore")));
        assertTrue(e.getMessage().endsWith("inputs[0].symlinks: is 'follow' or 'refuse', not 'ignore'"),
                e.getMessage());
    }

    @Test
    void aRemoteNameMustBeAValidUri() throws Exception {
        SpecException e = assertThrows(SpecException.class, () -> JobSpecLoader.load(job("'hdfs://nn/my data.csv'",
                "")));
        assertTrue(e.getMessage().contains("inputs[0].files: 'hdfs://nn/my data.csv' is not a valid URI (write a "
                + "space as %20)"), e.getMessage());
    }

    @Test
    void aListOfNamesIsNotAPattern() throws Exception {
        // "good.csv, good.csv" is one file name with a comma, not two files
        SpecException e = assertThrows(SpecException.class, () -> JobSpecLoader.load(job("'good.csv, good.csv'",
                "")));
        assertTrue(e.getMessage().contains("no such data file: " + dir.resolve("good.csv, good.csv")),
                e.getMessage());
    }
}
