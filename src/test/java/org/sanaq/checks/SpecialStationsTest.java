package org.sanaq.checks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sanaq.CanonicalJob;
import org.sanaq.results.Finding;
import org.sanaq.results.Metric;
import org.sanaq.results.RunFolder;

/** The job-level switch for stations marked special (issue 17): kept in one check and left out of another. */
class SpecialStationsTest {
    /**
     * Five precincts of 1,000 voters; the fifth, abroad, is marked special (the fingerprint fixture
     * shpilkin-four-precincts, whose README works the four ordinary ones out).
     */
    private static final String PROTOCOLS = String.join("\n",
            "election,source,level,region,precinct,registered,ballots_issued,valid,votes:A,votes:B,special",
            "e,official,precinct,North,1,1000,500,500,150,350,",
            "e,official,precinct,North,2,1000,505,505,202,303,",
            "e,official,precinct,South,3,1000,800,800,590,210,",
            "e,official,precinct,South,4,1000,900,900,750,150,",
            "e,official,precinct,South,5,1000,990,990,980,10,abroad", "");

    /**
     * The fingerprint includes the station abroad: 5 stations, official turnout (500 + 505 + 800 + 900 + 990) /
     * 5,000 = 0.739, in the South (800 + 900 + 990) / 3,000. The clean peak stays bin 50 (A 202, B 303: ratio 2/3),
     * and the station abroad adds its bin 98 ((98 %, 99 %]): 980 − 10·2/3 to the excess of the four, (590 − 140) +
     * (750 − 100) = 1,100, so 1,100 + 980 − 20/3 = 6,220/3. integer_peaks leaves it out: 4 stations included, 1
     * excluded. digit_tests includes it: 5 ballots counted nationally, 1 station included.
     */
    @Test
    void oneJobIncludesSpecialStationsInTheFingerprintAndLeavesThemOutOfIntegerPeaks(@TempDir Path dir)
            throws Exception {
        RunFolder.Contents run = CanonicalJob.run(dir, PROTOCOLS, "  fingerprint:", "    special_stations: include",
                "  integer_peaks:", "    special_stations: exclude", "  digit_tests:",
                "    special_stations: include", "    replicates: 100", "    dip_simulations: 100");
        Map<String, Double> fingerprint = metrics(run, "fingerprint", "national");
        assertEquals(5, fingerprint.get("stations"));
        assertEquals(1, fingerprint.get("stations_special_included"));
        assertEquals(null, fingerprint.get("stations_special_excluded"));
        assertEquals(0.739, fingerprint.get("official_turnout"), 1e-12);
        assertEquals(2690 / 3000.0, metrics(run, "fingerprint", "region=South").get("official_turnout"), 1e-12);
        assertEquals(50, fingerprint.get("shpilkin_peak_turnout"));
        assertEquals(6220 / 3.0, fingerprint.get("shpilkin_excess_votes"), 1e-9);
        Finding shpilkin = run.findings().stream().filter(f -> f.check().equals("fingerprint")).findFirst()
                .orElseThrow();
        assertTrue(shpilkin.sentence().endsWith(" 1 special stations included."), shpilkin.sentence());

        Map<String, Double> peaks = metrics(run, "integer_peaks", "national");
        assertEquals(4, peaks.get("stations_included"));
        assertEquals(1, peaks.get("stations_special_excluded"));
        assertEquals(null, peaks.get("stations_special_included"));

        Map<String, Double> digits = run.metrics().stream().filter(m -> m.check().equals("digit_tests")
                && m.scope().equals("national") && m.subject().equals("turnout"))
                .collect(Collectors.toMap(Metric::metric, Metric::value));
        assertEquals(5, digits.get("obs"));
        assertEquals(1, digits.get("included_special"));
        assertEquals(null, digits.get("excluded_special"));
        assertTrue(run.findings().stream().filter(f -> f.check().equals("digit_tests"))
                .anyMatch(f -> f.sentence().contains("stations marked special and included: 1")));
        assertEquals(List.of("exclude", "include"),
                List.of(parameter(run, "integer_peaks"), parameter(run, "fingerprint")));
    }

    /** The check's special_stations as the manifest records it. */
    private static Object parameter(RunFolder.Contents run, String check) {
        return ((Map<?, ?>) run.manifest().parameters().get(check)).get(SpecialStations.PARAMETER.key());
    }

    private static Map<String, Double> metrics(RunFolder.Contents run, String check, String scope) {
        return run.metrics().stream().filter(m -> m.check().equals(check) && m.scope().equals(scope)
                && m.subject().matches("all|A|turnout")).collect(Collectors.toMap(Metric::metric, Metric::value));
    }
}
