package org.sanaq.checks.neighbours;

import org.sanaq.checks.SpecialStations;

/**
 * What the neighbour comparison hands its judge.
 *
 * @param leader the candidate whose share is compared; null when no precinct has candidates
 * @param special the stations marked special, left out or included
 * @param unit what the precincts are compared within: {@code district} or {@code region}
 * @param scores the scores; null when there was nothing to score (no leader, or no precinct names a district)
 */
public record NeighboursResults(String leader, SpecialStations.Count special, String unit,
        UnitScores.ScoreSummary scores) {
}
