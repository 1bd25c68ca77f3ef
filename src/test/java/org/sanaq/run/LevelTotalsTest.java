package org.sanaq.run;

import static org.apache.spark.sql.functions.col;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sanaq.SparkTestSession;
import org.sanaq.TestData;
import org.sanaq.ingest.Ingest;
import org.sanaq.ingest.InputSpec;
import org.sanaq.ingest.MappingLoader;
import org.sanaq.schema.Level;
import org.sanaq.schema.ProtocolSchema;

/** Region and national totals derived from precincts, on a table small enough to add up by hand. */
class LevelTotalsTest {
    @TempDir
    Path dir;

    @Test
    void sumsPrecinctsAndLeavesATotalUnreportedWhenAPrecinctDidNotReportIt() throws Exception {
        Path csv = dir.resolve("p.csv");
        Files.writeString(csv, String.join("\n",
                "election,source,level,region,precinct,registered,ballots_received,valid,votes:A,votes:B",
                "e,official,precinct,North,1,100,90,80,50,30",
                "e,official,precinct,North,2,200,,150,100,50",
                "e,official,precinct,South,3,300,280,250,200,50",
                "e,official,region,South,,999,999,999,1,1",
                ""), StandardCharsets.UTF_8);
        InputSpec input = new InputSpec("t", List.of(csv.toString()),
                MappingLoader.load(TestData.project().resolve("jobs/mappings/canonical.yaml")));
        Dataset<Row> protocols = Ingest.read(SparkTestSession.get(), List.of(input))
                .filter(col(ProtocolSchema.REASON).isNull()).drop(ProtocolSchema.REASON, ProtocolSchema.RAW);
        List<Row> rows = LevelTotals.derived(protocols, List.of(Level.REGION, Level.NATIONAL), "Country")
                .orderBy("level", "region").collectAsList();
        assertEquals(3, rows.size());
        Row national = rows.get(0);
        assertEquals("Country", national.getAs("region"));
        assertEquals(600L, (long) national.getAs("registered"));
        assertNull(national.getAs("ballots_received"), "precinct 2 did not report it");
        assertEquals(Map.of("A", 350L, "B", 130L), votes(national));
        assertEquals("sum of 3 precinct protocols", national.getAs("document_ref"));
        Row north = rows.get(1);
        assertEquals("North", north.getAs("region"));
        assertEquals(300L, (long) north.getAs("registered"));
        assertEquals(230L, (long) north.getAs("valid"));
        assertEquals(Map.of("A", 150L, "B", 80L), votes(north));
        Row south = rows.get(2);
        assertEquals(280L, (long) south.getAs("ballots_received"), "the published region row is not summed");
        assertEquals(LevelTotals.DERIVED, south.getAs(ProtocolSchema.INPUT));
    }

    private static Map<String, Long> votes(Row row) {
        return new HashMap<>(row.<String, Long>getJavaMap(row.fieldIndex(ProtocolSchema.VOTES)));
    }
}
