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
 *   typed-copies: {transcribed: true}
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
                throw new SpecException(where + ": must be a map with match_on or transcribed");
            }
            for (Object key : rule.keySet()) {
                if (List.of("lower_bound", "coverage").contains(key)) {
                    // the rules of sanaq before source kinds: say what replaced them rather than "unknown"
                    throw new SpecException(where + "." + key + ": replaced by the kind of the source: write the "
                            + "input's source as platform:<who> (a lower bound) or claim:<who> (coverage unknown)");
                }
                if (!List.of("match_on", "transcribed").contains(key)) {
                    throw new SpecException(where + "." + key + ": unknown; known: match_on, transcribed");
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
            Object transcribed = rule.containsKey("transcribed") ? rule.get("transcribed") : Boolean.FALSE;
            if (!(transcribed instanceof Boolean)) {
                throw new SpecException(where + ".transcribed: must be true or false");
            }
            out.put(e.getKey().toString(), new MatchRule(matchOn, (Boolean) transcribed));
        }
        return new ObserverInputs(out);
    }

    /** The rule of each named input. */
    public Map<String, MatchRule> named() {
        return rules;
    }

    /** Input ids whose copies were typed from photos of the protocol, checked for reading errors. */
    public List<String> transcribedInputs() {
        return rules.entrySet().stream().filter(e -> e.getValue().transcribed()).map(Map.Entry::getKey)
                .sorted().toList();
    }
}
