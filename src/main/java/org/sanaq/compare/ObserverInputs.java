package org.sanaq.compare;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.sanaq.run.SpecException;

/**
 * The match rules of a job's observer inputs, read from the check's {@code inputs} parameter:
 * <pre>
 * inputs:
 *   protocol-ocr: {match_on: [region, district, precinct]}
 *   typed-copies: {transcribed: true}
 *   photos:       {confidence_covers: [ballots_issued, invalid]}
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
                throw new SpecException(where + ": must be a map with match_on, transcribed or confidence_covers");
            }
            for (Object key : rule.keySet()) {
                if (List.of("lower_bound", "coverage").contains(key)) {
                    // the rules of sanaq before source kinds: say what replaced them rather than "unknown"
                    throw new SpecException(where + "." + key + ": replaced by the kind of the source: write the "
                            + "input's source as platform:<who> (a lower bound) or claim:<who> (coverage unknown)");
                }
                if (!List.of("match_on", "transcribed", "confidence_covers").contains(key)) {
                    throw new SpecException(where + "." + key + ": unknown; known: match_on, transcribed, "
                            + "confidence_covers");
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
            List<String> covers = List.of();
            if (rule.containsKey("confidence_covers")) {
                if (!(rule.get("confidence_covers") instanceof List<?> figures) || figures.isEmpty()
                        || figures.stream().anyMatch(f -> f == null || f.toString().isBlank())) {
                    throw new SpecException(where + ".confidence_covers: must be a non-empty list of the figures "
                            + "the reading confidence describes (count fields, lines or candidates)");
                }
                covers = figures.stream().map(Object::toString).toList();
            }
            out.put(e.getKey().toString(), new MatchRule(matchOn, (Boolean) transcribed, covers));
        }
        return new ObserverInputs(out);
    }

    /** The rule of each named input. */
    public Map<String, MatchRule> named() {
        return rules;
    }

    /** The figures each input's reading confidence describes, by input id, for inputs that name them. */
    public Map<String, List<String>> confidenceCovers() {
        Map<String, List<String>> out = new TreeMap<>();
        rules.forEach((input, rule) -> {
            if (!rule.confidenceCovers().isEmpty()) {
                out.put(input, rule.confidenceCovers());
            }
        });
        return out;
    }

    /** Input ids whose copies were typed from photos of the protocol, checked for reading errors. */
    public List<String> transcribedInputs() {
        return rules.entrySet().stream().filter(e -> e.getValue().transcribed()).map(Map.Entry::getKey)
                .sorted().toList();
    }
}
