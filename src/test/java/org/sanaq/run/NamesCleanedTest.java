package org.sanaq.run;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sanaq.CanonicalJob;
import org.sanaq.results.RunFolder;

/** A run keeps the published bytes of the names it cleaned: names_cleaned.csv lists those records as read. */
class NamesCleanedTest {
    @Test
    void aRegionWithANulIsUsedCleanedAndItsRawTextIsWrittenBesideTheReport(@TempDir Path dir) throws Exception {
        String header = "election,source,level,region,precinct,registered,ballots_issued,invalid,valid,votes:A,votes:B";
        String csv = String.join("\n", header,
                "e,official,precinct,North,1,1000,600,10,590,400,190",
                "e,official,precinct,Nor\u0000th,2,800,500,5,495,300,195",
                "e,official,precinct,South\u202E,3,900,450,0,450,200,250", "");
        RunFolder.Contents run = CanonicalJob.run(dir, csv, "  round_percentages:");
        assertEquals(3, run.manifest().inputs().get(0).rowsUsed());
        assertEquals(2, run.manifest().inputs().get(0).namesCleaned());
        List<String> lines = Files.readAllLines(dir.resolve("out").resolve(RunFolder.NAMES_CLEANED),
                StandardCharsets.UTF_8);
        // SafeCsv writes a NUL as the visible symbol U+2400 so that no raw NUL reaches a file a reader opens
        assertEquals(List.of("input,file,line,raw",
                "p,p.csv,3,\"e,official,precinct,Nor\u2400th,2,800,500,5,495,300,195\"",
                "p,p.csv,4,\"e,official,precinct,South\u202E,3,900,450,0,450,200,250\""),
                lines);
    }
}
