package org.sanaq.checks.roundpct;

/**
 * One figure of a table above the precinct: a unit's turnout or a candidate's votes, with the base it is a
 * percentage of and the percentage as published (null when none was printed).
 *
 * @param where    the provenance shown as evidence: {@code file line N}
 */
record Cell(String level, String region, String district, String subject, Long votes, Long base, String published,
        String where) {

    /** The metrics scope of the unit: {@code national}, {@code region=<name>} or {@code district=<name>}. */
    String scope() {
        return switch (level) {
            case "national" -> "national";
            case "district" -> "district=" + district;
            default -> "region=" + region;
        };
    }

    /** The unit as a reader names it. */
    String unit() {
        return switch (level) {
            case "district" -> district + " (" + region + ")";
            default -> region;
        };
    }

    boolean hasBase() {
        return votes != null && base != null && base > 0;
    }
}
