package org.sanaq.synthetic;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

/** The calibration table's reader: the rate at the calibrated size nearest below or at an election's size. */
class HonestRatesTest {

    private static List<HonestRates.Rate> sample() throws Exception {
        try (Reader in = new InputStreamReader(HonestRatesTest.class.getResourceAsStream("honest-rates-sample.csv"),
                StandardCharsets.UTF_8)) {
            return HonestRates.read(in);
        }
    }

    @Test
    void theNearestCalibratedSizeAtOrBelowTheElectionsIsUsed() throws Exception {
        List<HonestRates.Rate> table = sample();
        assertEquals(4, table.size());
        assertEquals(Optional.of(new HonestRates.Rate(50_000, "lastc", 200, 3)),
                HonestRates.forSize(table, 95_000, "lastc"));
        assertEquals(Optional.of(new HonestRates.Rate(1_000_000, "lastc", 5, 0)),
                HonestRates.forSize(table, 1_000_000, "lastc"));
        assertEquals(Optional.of(new HonestRates.Rate(2_000, "lastc", 200, 1)),
                HonestRates.forSize(table, 49_999, "lastc"));
        assertEquals(Optional.empty(), HonestRates.forSize(table, 1_999, "lastc"), "smaller than any calibrated");
        assertEquals(Optional.empty(), HonestRates.forSize(table, 95_000, "c05s"), "a statistic not calibrated");
    }
}
