package org.sanaq.compare;

import java.util.List;

/**
 * How the copies of one job input are matched and read (METHODS.md §2), given in the job spec, not in code:
 * the identifiers that must agree besides election and level ({@code match_on}: some of region, district,
 * precinct; a source without districts matches on region and precinct), whether the source counts only some
 * voters ({@code lower_bound}: a platform that counts its own users' votes, so observer &gt; official is the
 * flag), and whether it gives totals over an unstated set of precincts ({@code coverage: unknown}: shown beside
 * the official figures as claims, never used for statistics).
 */
public record MatchRule(List<String> matchOn, boolean lowerBound, boolean coverageUnknown) {
    public static final List<String> KEYS = List.of("region", "district", "precinct");
    public static final MatchRule DEFAULT = new MatchRule(KEYS, false, false);

    public MatchRule {
        matchOn = List.copyOf(matchOn);
    }
}
