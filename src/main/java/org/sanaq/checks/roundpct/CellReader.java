package org.sanaq.checks.roundpct;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Turns the check's two aggregations (one row per unit, one row per unit and candidate) into cells. A unit with
 * more than one protocol from the same source, or whose copies print different percentages, yields no cells:
 * its figures are not one published table's.
 */
final class CellReader {
    static final String TURNOUT = "turnout";

    private CellReader() {
    }

    /** Cells in a stable order: by level, region, district, then turnout first and candidates by name. */
    static List<Cell> cells(List<Map<String, Object>> units, List<Map<String, Object>> candidates,
            List<String> skipped) {
        Map<List<Object>, Map<String, Object>> byUnit = new HashMap<>();
        for (Map<String, Object> u : units) {
            byUnit.put(key(u), u);
        }
        List<Cell> out = new ArrayList<>();
        for (Map<String, Object> u : sorted(units)) {
            if (single(u, skipped)) {
                out.add(new Cell(text(u, "level"), text(u, "region"), text(u, "district"), TURNOUT,
                        (Long) u.get("turnout"), (Long) u.get("registered"), published(u, "published_turnout"),
                        where(u)));
            }
        }
        List<Map<String, Object>> sortedCandidates = sorted(candidates);
        sortedCandidates.sort((a, b) -> compare(key(a), key(b)) != 0 ? compare(key(a), key(b))
                : text(a, "candidate").compareTo(text(b, "candidate")));
        for (Map<String, Object> c : sortedCandidates) {
            Map<String, Object> u = byUnit.get(key(c));
            if (u == null || ((Number) u.get("protocols")).longValue() != 1) {
                continue;
            }
            out.add(new Cell(text(c, "level"), text(c, "region"), text(c, "district"), text(c, "candidate"),
                    (Long) c.get("votes"), (Long) u.get("base"), published(c, "published"), where(u)));
        }
        out.sort((a, b) -> {
            int unit = compare(List.of(a.level(), a.region(), nz(a.district())),
                    List.of(b.level(), b.region(), nz(b.district())));
            if (unit != 0) {
                return unit;
            }
            if (a.subject().equals(b.subject())) {
                return 0;
            }
            return a.subject().equals(TURNOUT) ? -1 : b.subject().equals(TURNOUT) ? 1
                    : a.subject().compareTo(b.subject());
        });
        return out;
    }

    private static boolean single(Map<String, Object> u, List<String> skipped) {
        long protocols = ((Number) u.get("protocols")).longValue();
        if (protocols != 1) {
            skipped.add(text(u, "level") + " " + text(u, "region")
                    + (u.get("district") == null ? "" : " / " + u.get("district")) + ": " + protocols
                    + " protocols from one source; left out");
            return false;
        }
        return true;
    }

    private static String published(Map<String, Object> row, String measure) {
        Object min = row.get(measure + "_min");
        return Objects.equals(min, row.get(measure + "_max")) ? (String) min : null;
    }

    private static String where(Map<String, Object> u) {
        Object file = u.get("file");
        if (file == null || "derived".equals(file)) {
            return "sum of precinct protocols";
        }
        String name = file.toString().replaceFirst("^.*/", "");
        return name + " line " + u.get("line");
    }

    private static List<Object> key(Map<String, Object> row) {
        return List.of(text(row, "level"), text(row, "region"), nz(text(row, "district")));
    }

    private static List<Map<String, Object>> sorted(List<Map<String, Object>> rows) {
        List<Map<String, Object>> copy = new ArrayList<>(rows);
        copy.sort((a, b) -> compare(key(a), key(b)));
        return copy;
    }

    private static int compare(List<Object> a, List<Object> b) {
        for (int i = 0; i < a.size(); i++) {
            int c = a.get(i).toString().compareTo(b.get(i).toString());
            if (c != 0) {
                return c;
            }
        }
        return 0;
    }

    private static String text(Map<String, Object> row, String key) {
        Object v = row.get(key);
        return v == null ? null : v.toString();
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
