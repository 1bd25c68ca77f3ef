package org.sanaq.checks.observer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sanaq.results.Finding;
import org.sanaq.results.RunFolder;

/**
 * A reading confidence given per figure judges only its figure, end to end through a mapping with
 * {@code confidence:}. Official protocols of two precincts: invalid 10, valid 500, A 300, B 200. Two OCR readings
 * whose invalid ballots were read with confidence 0.5: precinct 1 reads invalid 19 (a difference on the figure read
 * with low confidence: a possible misreading), precinct 2 reads A 301 and B 199 (a difference on the votes, for
 * which the file gives no confidence: never excused as low confidence).
 */
class FigureConfidenceTest {
    @TempDir
    static Path dir;
    static RunFolder.Contents run;

    @BeforeAll
    static void runJob() throws Exception {
        String header = "source,precinct,registered,invalid,invalid_conf,valid,A,B\n";
        run = TwoInputRun.run(dir, """
                name: per-figure
                constants: {election: t, level: precinct, region: R}
                fields: {source: source, precinct: precinct, registered: registered, invalid: invalid, valid: valid}
                confidence: {invalid: {column: invalid_conf}}
                candidates: {pattern: "^[AB]$"}
                """, header + "official,1,1000,10,,500,300,200\nofficial,2,1000,10,,500,300,200\n",
                header + "ocr:scan,1,1000,19,0.5,500,300,200\nocr:scan,2,1000,10,0.5,500,301,199\n");
    }

    @Test
    void onlyADifferenceOnAFigureReadWithLowConfidenceIsAPossibleMisreading() {
        assertEquals(2, TwoInputRun.nationalMetric(run, "pairs_differing"));
        assertEquals(1, TwoInputRun.nationalMetric(run, "pairs_differing_low_confidence"), "precinct 1: invalid, read with confidence 0.5");
        assertEquals(1, TwoInputRun.nationalMetric(run, "pairs_differing_confident"), "precinct 2: the votes, which have no confidence");
        Finding pairs = run.findings().stream().filter(f -> f.statistic().equals("pairs_differing")).findFirst()
                .orElseThrow();
        assertTrue(pairs.sentence().contains("The readings give a confidence for invalid only: a difference on "
                + "another figure is never counted as a possible misreading."), pairs.sentence());
    }
}
