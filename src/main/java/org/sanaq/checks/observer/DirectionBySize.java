package org.sanaq.checks.observer;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import org.sanaq.compare.SourceTally;
import org.sanaq.stats.SignTest;

/**
 * Which way the official figures differ from the copies, party by party, ordered by size: the pattern that tells
 * misreading from bias (README "Second sources"). A misread or misplaced figure lowers large counts and raises small
 * ones, so misreading makes the official figure higher for every large party, opposition included, and lower for
 * the small ones; a count altered in one party's favour makes it higher for that party alone. The pattern is
 * "misreading" when at least two parties are significantly higher (sign test, Bonferroni-adjusted below alpha),
 * at least one is significantly lower, and every higher party is larger (by official total) than every lower one.
 */
record DirectionBySize(List<String> higher, List<String> lower, List<String> bySize, boolean misreading) {

    static DirectionBySize of(Map<String, SourceTally.CandidateTally> byCandidate, double alpha) {
        List<String> bySize = new ArrayList<>();
        byCandidate.forEach((candidate, t) -> {
            if (t.gained() + t.lost() > 0) {
                bySize.add(candidate);
            }
        });
        bySize.sort(Comparator.comparingLong((String c) -> byCandidate.get(c).officialTotal()).reversed()
                .thenComparing(Comparator.naturalOrder()));
        int tests = Math.max(1, byCandidate.size());
        List<String> higher = new ArrayList<>();
        List<String> lower = new ArrayList<>();
        for (String c : bySize) {
            SourceTally.CandidateTally t = byCandidate.get(c);
            if (Math.min(1, SignTest.twoSided(t.gained(), t.lost()) * tests) < alpha) {
                (t.gained() > t.lost() ? higher : lower).add(c);
            }
        }
        boolean split = !higher.isEmpty() && !lower.isEmpty()
                && bySize.indexOf(higher.get(higher.size() - 1)) < bySize.indexOf(lower.get(0));
        return new DirectionBySize(List.copyOf(higher), List.copyOf(lower), List.copyOf(bySize),
                split && higher.size() >= 2);
    }
}
