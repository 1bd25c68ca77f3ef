package org.sanaq.checks;

import java.math.RoundingMode;
import java.util.List;
import java.util.Locale;

/**
 * How a commission rounded the percentages it printed ({@code published_rounding}): a parameter of every check
 * that recomputes a printed percentage, declared here once.
 */
public final class PublishedRounding {
    public static final Parameter<String> PARAMETER = Parameter.choice("published_rounding", "half_up",
            List.of("half_up", "half_even", "down"));

    private PublishedRounding() {
    }

    /** The rounding mode a validated job's parameters name. */
    public static RoundingMode of(CheckParameters parameters) {
        return RoundingMode.valueOf(parameters.get(PARAMETER).toUpperCase(Locale.ROOT));
    }
}
