package org.sanaq.checks.roundpct;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Totals that follow from the level below them (METHODS.md §6): a national or regional figure that is exactly the
 * sum of the same figure in the n units of the level below (regions of the nation, districts of a region) and lies
 * within n/2 votes of its own round target. A table built from round percentages and then summed upwards gives
 * such totals: each of the n figures below is a whole number of votes, at most half a vote from what its
 * percentage gives, so their sum can miss the total's round target by up to n/2 although nobody chose it
 * independently. Such a total is not "not round": it is a sum of round figures, explained by them (Kazakhstan 2023:
 * the national cells are 1.7 to 4.1 votes from round, sums of 20 regional figures).
 */
final class RoundSums {
    private RoundSums() {
    }

    /** The cells of {@code cells} that are sums of round figures at d decimals of a percent. */
    static Set<Cell> of(List<Cell> cells, int d) {
        Map<List<String>, List<Cell>> below = new HashMap<>();
        for (Cell c : cells) {
            List<String> parent = parentKey(c);
            if (parent != null) {
                below.computeIfAbsent(parent, k -> new ArrayList<>()).add(c);
            }
        }
        Set<Cell> sums = new HashSet<>();
        for (Cell c : cells) {
            List<Cell> parts = below.get(key(c));
            if (c.hasBase() && parts != null && parts.size() >= 2 && isSum(c, parts, d)) {
                sums.add(c);
            }
        }
        return sums;
    }

    /** Whether the total equals the parts' sum and misses its round target by at most half a vote per part. */
    private static boolean isSum(Cell total, List<Cell> parts, int d) {
        long sum = 0;
        for (Cell p : parts) {
            if (p.votes() == null) {
                return false;
            }
            sum += p.votes();
        }
        RoundTarget t = RoundTarget.of(total.votes(), total.base(), d);
        return sum == total.votes() && !t.isRound()
                && t.offset().abs().multiply(BigDecimal.valueOf(2)).compareTo(BigDecimal.valueOf(parts.size())) <= 0;
    }

    /** The unit a cell's figure is summed into, with the subject: the nation for a region, its region for a district. */
    private static List<String> parentKey(Cell c) {
        return switch (c.level()) {
            case "region" -> List.of("national", "", c.subject());
            case "district" -> List.of("region", c.region(), c.subject());
            default -> null;
        };
    }

    private static List<String> key(Cell c) {
        return List.of(c.level(), c.level().equals("national") ? "" : c.region(), c.subject());
    }
}
