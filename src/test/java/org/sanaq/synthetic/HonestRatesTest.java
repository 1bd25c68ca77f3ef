package org.sanaq.synthetic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.sanaq.checks.digits.LocalDigitTests;

/** The honest rates are looked up at the largest calibrated size not above the election's, else the smallest. */
class HonestRatesTest {
    private static HonestRates rates(String text) throws Exception {
        return HonestRates.read(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
    }

    private static final String TABLE = """
            # written by the digit calibration
            precincts,statistic,seeds,flagged_seeds
            20000,c05s,200,3
            100000,c05s,200,7
            1000000,c05s,3,0
            20000,lastc,200,1
            """;

    @Test
    void theLargestSizeNotAboveTheElectionsIsChosen() throws Exception {
        HonestRates r = rates(TABLE);
        assertEquals(new HonestRates.Rate(20_000, "c05s", 200, 3), r.forSize(97_699, "c05s").orElseThrow());
        assertEquals(new HonestRates.Rate(100_000, "c05s", 200, 7), r.forSize(100_000, "c05s").orElseThrow());
        assertEquals(new HonestRates.Rate(1_000_000, "c05s", 3, 0), r.forSize(5_000_000, "c05s").orElseThrow());
        assertEquals(0.035, r.forSize(100_000, "c05s").orElseThrow().rate(), 1e-15);
    }

    @Test
    void aSmallerElectionGetsTheSmallestSizeAndAnUnknownStatisticNothing() throws Exception {
        HonestRates r = rates(TABLE);
        assertEquals(new HonestRates.Rate(20_000, "c05s", 200, 3), r.forSize(2_000, "c05s").orElseThrow());
        assertEquals(new HonestRates.Rate(20_000, "lastc", 200, 1), r.forSize(1_000_000, "lastc").orElseThrow());
        assertEquals(Optional.empty(), r.forSize(100_000, "2bl"));
    }

    @Test
    void aMalformedLineIsRefused() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> rates("20000,c05s,200\n"));
        assertTrue(e.getMessage().contains("20000,c05s,200"), e.getMessage());
    }

    /** The shipped resource has a rate of every statistic that can flag, and of any of them, at 100,000 precincts. */
    @Test
    void theShippedRatesCoverEveryFlaggingStatistic() {
        HonestRates shipped = HonestRates.shipped();
        List<String> statistics = new ArrayList<>(LocalDigitTests.flaggingStatistics());
        statistics.add(DigitCalibration.ANY);
        for (String statistic : statistics) {
            HonestRates.Rate rate = shipped.forSize(100_000, statistic).orElseThrow();
            assertEquals(100_000, rate.precincts(), statistic);
            assertTrue(rate.seeds() > 0 && rate.flaggedSeeds() >= 0 && rate.flaggedSeeds() <= rate.seeds(),
                    rate.toString());
        }
    }
}
