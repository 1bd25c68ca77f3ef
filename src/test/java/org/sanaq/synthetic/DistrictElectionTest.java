package org.sanaq.synthetic;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.sanaq.run.SpecException;

/**
 * Districts in the generator (jobs/synthetic/districts.yaml): each precinct lies in one of its region's districts,
 * its line names it, and districts differ in turnout by the spec's logit spread, while a spec without districts
 * draws exactly the precincts it drew before (ShippedDatasetsTest compares every shipped election's bytes).
 */
class DistrictElectionTest {
    private static SyntheticSpec districts(long precincts) throws SpecException {
        SyntheticSpec spec = SyntheticSpec.load(Path.of("jobs/synthetic/districts.yaml"));
        return spec.with(spec.seed(), precincts, 1, spec.output(), spec.irregularities());
    }

    @Test
    void districtsChangeNeitherSizesNorRegionsOfTheSameSeed() throws Exception {
        SyntheticSpec withDistricts = districts(500);
        SyntheticSpec clean = SyntheticSpec.load(Path.of("jobs/synthetic/clean.yaml"));
        HonestElection a = new HonestElection(withDistricts);
        HonestElection b = new HonestElection(clean.with(withDistricts.seed(), 500, 1, clean.output(),
                clean.irregularities()));
        for (int i = 0; i < 500; i++) {
            Protocol p = a.precinct(i);
            Protocol q = b.precinct(i);
            assertEquals(q.region, p.region);
            assertEquals(q.counts[Protocol.REGISTERED], p.counts[Protocol.REGISTERED]);
            assertTrue(p.district >= 0 && p.district < 8, Integer.toString(p.district));
            assertEquals(Protocol.NO_DISTRICT, q.district);
        }
    }

    @Test
    void theLineNamesTheDistrictAfterTheRegion() {
        Protocol p = new Protocol(2, 4, new long[Protocol.COUNTS.size()], new long[] {7, 3});
        String header = Protocol.header(List.of("A", "B"), true);
        assertTrue(header.startsWith("election,source,level,region,district,precinct,registered,"), header);
        assertArrayEquals(new String[] {"e", "official", "precinct", "Region 03", "D05", "12"},
                List.of(p.csv("e", "official", "precinct", "Region 03", "12").split(",")).subList(0, 6)
                        .toArray());
        assertEquals(header.split(",").length, p.csv("e", "official", "precinct", "Region 03", "12")
                .split(",").length);
    }

    /**
     * At 40,000 precincts (12 regions × 8 districts, about 417 precincts each), the spread of district mean logit
     * turnouts around their region's is the spec's 0.15 plus the precincts' own noise: its sd 0.35 (plus
     * binomial noise of about 0.07 at 900 voters) over √417 adds about 0.0003 to the variance 0.0225, and the
     * estimate from 84 degrees of freedom has a relative standard error of about 1/√168 = 8 %: [0.12, 0.18] holds
     * it with more than 2.5 standard errors on each side.
     */
    @Test
    void districtsDifferInTurnoutByTheSpecsSpread() throws Exception {
        SyntheticSpec spec = districts(40_000);
        HonestElection election = new HonestElection(spec);
        int regions = spec.regions();
        int perRegion = spec.districts().perRegion();
        double[][] sum = new double[regions][perRegion];
        long[][] n = new long[regions][perRegion];
        for (int i = 0; i < 40_000; i++) {
            Protocol p = election.precinct(i);
            double t = (p.issued() + 0.5) / (p.counts[Protocol.REGISTERED] + 1.0);
            sum[p.region][p.district] += Math.log(t / (1 - t));
            n[p.region][p.district]++;
        }
        double squares = 0;
        int dof = 0;
        for (int r = 0; r < regions; r++) {
            double[] means = new double[perRegion];
            double regionMean = 0;
            for (int d = 0; d < perRegion; d++) {
                means[d] = sum[r][d] / n[r][d];
                regionMean += means[d] / perRegion;
            }
            for (double m : means) {
                squares += (m - regionMean) * (m - regionMean);
            }
            dof += perRegion - 1;
        }
        double sd = Math.sqrt(squares / dof);
        assertTrue(sd > 0.12 && sd < 0.18, "district sd " + sd);
    }

    @Test
    void districtSettingsAreChecked() {
        SpecException e = assertThrows(SpecException.class, () -> SyntheticSpecTest.parse("""
                candidates: {A: 1, B: 1}
                districts: {per_region: -1}
                """));
        assertTrue(e.getMessage().contains("districts"), e.getMessage());
    }
}
