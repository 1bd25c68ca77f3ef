package org.sanaq.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.sanaq.TestData;
import org.sanaq.run.JobSpec;
import org.sanaq.run.JobSpecLoader;

/**
 * {@code sanaq validate}'s listing of an input, on the hand-made job in src/test/resources/ingest/validate: a
 * constant, an extract, a joined identifier, a sum, a field marker of its own, an optional column the file lacks,
 * candidates with a spoiled-ballots column excepted, an unused column, a quarantined record and a missing count;
 * a second file with the same header is named, not listed again.
 */
class BindingReportTest {
    @Test
    void listsBindingsCandidatesUnusedColumnsAndFiveRows() throws Exception {
        JobSpec spec = JobSpecLoader.load(TestData.project().resolve("src/test/resources/ingest/validate/job.yaml"));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8)) {
            BindingReport.print(spec.inputs().get(0), out);
        }
        assertEquals("""
                input 'precincts' (mapping validate-listing)
                  protocols.csv (header on line 1)
                    fields:
                      election                    ← constant 'e'
                      source                      ← constant 'official'
                      level                       ← constant 'precinct'
                      region                      ← column 1 'Region', extract /^\\d+ (.+)$/, missing ['NA']
                      precinct                    ← columns 2 'Centre', 3 'Table' joined with '-', missing ['NA']
                      registered                  ← column 4 'Voters', missing ['NA']
                      ballots_cast                ← the sum of 5 'In station', 6 'Mobile', missing ['NA']
                      valid                       ← column 7 'Valid', missing ['-']
                      document_ref                ← absent from the file (optional: not reported)
                    candidates (2):
                      A ← 'Votes A'
                      B ← 'Votes B'
                    columns left unused (2): 10 'Votes spoiled', 11 'Note'
                    first rows, as the canonical table holds them:
                      line 2: election=e source=official level=precinct region=North precinct=12-1 registered=100 \
                ballots_cast=55 valid=50 votes={A=30, B=20}
                      line 3: quarantined: missing registered: the column 'Voters' holds the missing-value marker 'NA'
                      line 4: election=e source=official level=precinct region=South precinct=7-1 registered=80 \
                ballots_cast=32 votes={A=null, B=12}
                      line 5: election=e source=official level=precinct region=South precinct=7-2 registered=90 \
                ballots_cast=36 valid=36 votes={A=20, B=16}
                      line 6: election=e source=official level=precinct region=South precinct=8-1 registered=70 \
                ballots_cast=20 valid=20 votes={B=10}
                  1 more file(s) with the same header: protocols-b.csv
                """, bytes.toString(StandardCharsets.UTF_8));
    }
}
