package org.sanaq.checks.integrity;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.apache.spark.sql.Column;
import org.sanaq.checks.Aggregation;
import org.sanaq.checks.AggregationResults;
import org.sanaq.schema.Field;
import org.sanaq.schema.Level;
import org.sanaq.schema.ProtocolSchema;

/**
 * Sums across levels (METHODS.md §1): where a source publishes a unit and the units below it, each count field
 * and each option's votes of the unit must equal the sum over the units below. Both sides are published rows
 * (derived sums are left out by the caller), computed as small per-unit aggregates and compared on the driver.
 */
enum LevelSum {
    REGION_FROM_PRECINCTS("region_equals_precinct_sum", Level.REGION, Level.PRECINCT),
    REGION_FROM_DISTRICTS("region_equals_district_sum", Level.REGION, Level.DISTRICT),
    NATIONAL_FROM_REGIONS("national_equals_region_sum", Level.NATIONAL, Level.REGION);

    /** Units of one level per source: regions or districts of a large country, times its options. */
    private static final int MAX_GROUPS = 2_000_000;
    private static final String FIELD_PREFIX = "f_";

    private final String id;
    private final Level upper;
    private final Level lower;

    LevelSum(String id, Level upper, Level lower) {
        this.id = id;
        this.upper = upper;
        this.lower = lower;
    }

    String id() {
        return id;
    }

    /** One comparison that failed: the unit, the field or option, the published total, the sum below. */
    record Mismatch(LevelSum sum, String source, String unit, String field, long published, long lowerSum,
            long lowerProtocols, String file, long line) {
        long difference() {
            return published - lowerSum;
        }
    }

    /** What {@link #compare} found: the comparisons made (per source) and those that failed. */
    record Comparison(Map<String, Long> checkedBySource, List<Mismatch> mismatches) {
    }

    /** The unit's keys: the source, then the region and district as far as the upper level has them. */
    private List<String> keys() {
        List<String> keys = new ArrayList<>(List.of(Field.SOURCE.column()));
        if (upper != Level.NATIONAL) {
            keys.add(Field.REGION.column());
        }
        return keys;
    }

    private String name(String part) {
        return ProtocolIntegrityCheck.ID + "." + id + "." + part;
    }

    List<Aggregation> aggregations(Column finalRows, String rowsKey) {
        Column upperRows = finalRows.and(col(Field.LEVEL.column()).equalTo(upper.id()));
        Column lowerRows = finalRows.and(col(Field.LEVEL.column()).equalTo(lower.id()));
        String upperKey = rowsKey + ":" + upper.id();
        String lowerKey = rowsKey + ":" + lower.id();
        List<Aggregation.Measure> published = new ArrayList<>(List.of(
                new Aggregation.Measure("protocols", count(lit(1))),
                new Aggregation.Measure("file", min(col(ProtocolSchema.FILE))),
                new Aggregation.Measure("line", min(col(ProtocolSchema.LINE)))));
        List<Aggregation.Measure> sums = new ArrayList<>(List.of(new Aggregation.Measure("protocols", count(lit(1)))));
        for (Field f : Field.values()) {
            if (f.kind() == Field.Kind.COUNT) {
                published.add(new Aggregation.Measure(FIELD_PREFIX + f.column(), max(col(f.column()))));
                sums.add(new Aggregation.Measure(FIELD_PREFIX + f.column(), Aggregation.total(col(f.column()))));
            }
        }
        List<String> candidateKeys = new ArrayList<>(keys());
        candidateKeys.add(Aggregation.CANDIDATE);
        return List.of(
                new Aggregation(name("published"), upperKey, upperRows, keys(), false, published, MAX_GROUPS),
                new Aggregation(name("published_votes"), upperKey, upperRows, candidateKeys, true,
                        List.of(new Aggregation.Measure("votes", max(col(Aggregation.CANDIDATE_VOTES)))), MAX_GROUPS),
                new Aggregation(name("lower"), lowerKey, lowerRows, keys(), false, sums, MAX_GROUPS),
                new Aggregation(name("lower_votes"), lowerKey, lowerRows, candidateKeys, true,
                        List.of(new Aggregation.Measure("votes", Aggregation.total(col(Aggregation.CANDIDATE_VOTES)))),
                        MAX_GROUPS));
    }

    /** Compares every published unit that has units below it, field by field and option by option. */
    Comparison compare(AggregationResults results, String country) {
        Map<List<Object>, Map<String, Object>> lowerByUnit = byKeys(results.rows(name("lower")), keys());
        Map<List<Object>, Long> lowerVotes = votesByKeys(results.rows(name("lower_votes")));
        Map<List<Object>, Long> publishedVotes = votesByKeys(results.rows(name("published_votes")));
        Map<String, Long> checked = new HashMap<>();
        List<Mismatch> mismatches = new ArrayList<>();
        for (Map<String, Object> unit : results.rows(name("published"))) {
            List<Object> key = keys().stream().map(unit::get).toList();
            Map<String, Object> below = lowerByUnit.get(key);
            if (below == null) {
                continue;
            }
            String source = (String) unit.get(Field.SOURCE.column());
            String unitName = upper == Level.NATIONAL ? country : (String) unit.get(Field.REGION.column());
            long lowerProtocols = ((Number) below.get("protocols")).longValue();
            Map<String, Long[]> pairs = new java.util.LinkedHashMap<>();
            for (Field f : Field.values()) {
                if (f.kind() == Field.Kind.COUNT) {
                    pairs.put(f.column(), new Long[] {(Long) unit.get(FIELD_PREFIX + f.column()),
                        (Long) below.get(FIELD_PREFIX + f.column())});
                }
            }
            publishedVotes.forEach((k, v) -> {
                if (k.subList(0, key.size()).equals(key)) {
                    pairs.put("votes:" + k.get(key.size()), new Long[] {v, lowerVotes.get(k)});
                }
            });
            for (Map.Entry<String, Long[]> pair : pairs.entrySet()) {
                Long published = pair.getValue()[0];
                Long sum = pair.getValue()[1];
                if (published == null || sum == null) {
                    continue;
                }
                checked.merge(source, 1L, Long::sum);
                if (!Objects.equals(published, sum)) {
                    mismatches.add(new Mismatch(this, source, unitName, pair.getKey(), published, sum,
                            lowerProtocols, (String) unit.get("file"), ((Number) unit.get("line")).longValue()));
                }
            }
        }
        return new Comparison(checked, mismatches);
    }

    private static Map<List<Object>, Map<String, Object>> byKeys(List<Map<String, Object>> rows, List<String> keys) {
        Map<List<Object>, Map<String, Object>> out = new HashMap<>();
        for (Map<String, Object> row : rows) {
            out.put(keys.stream().map(row::get).toList(), row);
        }
        return out;
    }

    private Map<List<Object>, Long> votesByKeys(List<Map<String, Object>> rows) {
        List<String> keys = new ArrayList<>(keys());
        keys.add(Aggregation.CANDIDATE);
        Map<List<Object>, Long> out = new java.util.LinkedHashMap<>();
        for (Map<String, Object> row : rows) {
            out.put(keys.stream().map(row::get).toList(), (Long) row.get("votes"));
        }
        return out;
    }
}
