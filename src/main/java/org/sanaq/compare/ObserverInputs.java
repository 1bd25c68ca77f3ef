package org.sanaq.compare;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.sanaq.run.SpecException;

/**
 * The match rules of a job's observer inputs, read from the check's {@code inputs} parameter:
 * <pre>
 * inputs:
 *   protocol-ocr: {match_on: [region, district, precinct]}
 *   platform:     {lower_bound: true}
 *   claims:       {coverage: unknown}
 * </pre>
 * An observer input not named follows {@link MatchRule#DEFAULT}.
 */
public final class ObserverInputs {
    private final Map<String, MatchRule> rules;

    private ObserverInputs(Map<String, MatchRule> rules) {
        this.rules = Map.copyOf(rules);
    }

    /** Parses the parameter (a map by input id); {@code path} prefixes error messages. */
    public static ObserverInputs parse(Object parameter, String path) throws SpecException {
        Map<String, MatchRule> out = new LinkedHashMap<>();
        if (parameter == null) {
            return new ObserverInputs(out);
        }
        if (!(parameter instanceof Map<?, ?> byInput)) {
            throw new SpecException(path + ": must map input ids to rules, not " + parameter);
        }
        for (Map.Entry<?, ?> e : byInput.entrySet()) {
            String where = path + "." + e.getKey();
            if (!(e.getValue() instanceof Map<?, ?> rule)) {
                throw new SpecException(where + ": must be a map with match_on, lower_bound or coverage");
            }
            for (Object key : rule.keySet()) {
                if (!List.of("match_on", "lower_bound", "coverage").contains(key)) {
                    throw new SpecException(where + "." + key + ": unknown; known: match_on, lower_bound, coverage");
                }
            }
            List<String> matchOn = MatchRule.KEYS;
            if (rule.containsKey("match_on")) {
                if (!(rule.get("match_on") instanceof List<?> keys) || keys.isEmpty()
                        || !MatchRule.KEYS.containsAll(keys)) {
                    throw new SpecException(where + ".match_on: must be a non-empty list of " + MatchRule.KEYS);
                }
                matchOn = keys.stream().map(Object::toString).toList();
            }
            Object lower = rule.containsKey("lower_bound") ? rule.get("lower_bound") : Boolean.FALSE;
            if (!(lower instanceof Boolean)) {
                throw new SpecException(where + ".lower_bound: must be true or false");
            }
            Object coverage = rule.containsKey("coverage") ? rule.get("coverage") : "complete";
            if (!List.of("complete", "unknown").contains(coverage.toString())) {
                throw new SpecException(where + ".coverage: must be complete or unknown, not " + coverage);
            }
            out.put(e.getKey().toString(), new MatchRule(matchOn, (Boolean) lower, "unknown".equals(coverage)));
        }
        return new ObserverInputs(out);
    }

    /** The rule of each named input. */
    public Map<String, MatchRule> named() {
        return rules;
    }

    /** Input ids whose rows are claims of unknown coverage. */
    public List<String> claimInputs() {
        return rules.entrySet().stream().filter(e -> e.getValue().coverageUnknown()).map(Map.Entry::getKey)
                .sorted().toList();
    }
}
