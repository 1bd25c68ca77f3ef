package org.sanaq.compare;

import java.util.List;

/**
 * How the copies of one job input are matched and read (METHODS.md §2), given in the job spec, not in code:
 * the identifiers that must agree besides election and level ({@code match_on}: some of region, district,
 * precinct; a source without districts matches on region and precinct), and whether the copies were typed from
 * photos of the protocol ({@code transcribed}: checked for reading errors as machine readings are). What kind of
 * source the copies are (observer, ocr, platform, claim) is the prefix of their {@code source}, not a rule.
 */
public record MatchRule(List<String> matchOn, boolean transcribed) {
    public static final List<String> KEYS = List.of("region", "district", "precinct");
    public static final MatchRule DEFAULT = new MatchRule(KEYS, false);

    public MatchRule {
        matchOn = List.copyOf(matchOn);
    }
}
