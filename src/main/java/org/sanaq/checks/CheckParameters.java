package org.sanaq.checks;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.sanaq.ingest.YamlFiles;
import org.sanaq.run.SpecException;

/**
 * A check's parameters: its defaults overridden by the job spec. Typed getters fail with the parameter's full
 * path ({@code checks.round_percentages.alpha}) so that a job spec error names its field.
 */
public final class CheckParameters {
    private final String path;
    private final Map<String, Object> values;
    /** The extra protocol lines the job's mappings name ({@code lines:}), which a parameter may refer to. */
    private final Set<String> lines;

    public CheckParameters(String path, Map<String, Object> defaults, Map<String, Object> given) throws SpecException {
        this(path, defaults, given, Set.of());
    }

    public CheckParameters(String path, Map<String, Object> defaults, Map<String, Object> given, Set<String> lines)
            throws SpecException {
        this.path = path;
        this.lines = Set.copyOf(lines);
        for (String key : given.keySet()) {
            if (!defaults.containsKey(key)) {
                throw new SpecException(path + "." + YamlFiles.shown(key) + ": unknown parameter; known: "
                        + defaults.keySet());
            }
        }
        Map<String, Object> merged = new LinkedHashMap<>(defaults);
        merged.putAll(given);
        this.values = merged;
    }

    /** The extra protocol lines the job's mappings name. */
    public Set<String> lines() {
        return lines;
    }

    /** All values, as recorded in the manifest. */
    public Map<String, Object> asMap() {
        return new LinkedHashMap<>(values);
    }

    /** A number; text that looks like one ({@code "0.01"}) is refused, as the job spec's writer quoted it. */
    public double number(String key, double min, double max) throws SpecException {
        Object v = values.get(key);
        if (!(v instanceof Number n) || n.doubleValue() < min || n.doubleValue() > max) {
            throw new SpecException(path + "." + key + ": must be a number from " + min + " to " + max + ", not "
                    + shownForNumber(v));
        }
        return n.doubleValue();
    }

    public long whole(String key, long min, long max) throws SpecException {
        Object v = values.get(key);
        if (!(v instanceof Number n) || n.doubleValue() != Math.rint(n.doubleValue()) || n.doubleValue() < min
                || n.doubleValue() > max) {
            throw new SpecException(path + "." + key + ": must be a whole number from " + min + " to " + max
                    + ", not " + shownForNumber(v));
        }
        return n.longValue();
    }

    /**
     * A set of whole numbers written as a non-empty list: repeats are dropped and the values sorted, since each
     * value is one more test (a repeat would add a flag and weaken the correction for many tests). The value kept
     * for the manifest is the set, so that it records what ran.
     */
    public List<Integer> integers(String key, int min, int max) throws SpecException {
        Object v = values.get(key);
        TreeSet<Integer> out = new TreeSet<>();
        if (v instanceof List<?> list && !list.isEmpty()) {
            for (Object item : list) {
                if (!(item instanceof Integer i) || i < min || i > max) {
                    throw new SpecException(path + "." + key + ": each value must be a whole number from " + min
                            + " to " + max + ", not " + shownForNumber(item));
                }
                out.add(i);
            }
            List<Integer> set = List.copyOf(out);
            values.put(key, set);
            return set;
        }
        throw new SpecException(path + "." + key + ": must be a non-empty list of whole numbers, not "
                + shownForNumber(v));
    }

    /**
     * A list of texts (words or whole numbers), each given and none twice, in the order written: the order may
     * mean something (elections, earlier first), a repeat would be a slip. It may be empty.
     */
    public List<String> texts(String key) throws SpecException {
        Object v = values.get(key);
        if (!(v instanceof List<?> list)) {
            throw new SpecException(path + "." + key + ": must be a list of texts, not " + shown(v));
        }
        List<String> out = new ArrayList<>();
        for (Object item : list) {
            String text = textItem(key, item);
            if (out.contains(text)) {
                throw new SpecException(path + "." + key + ": '" + YamlFiles.shown(text) + "' is given twice");
            }
            out.add(text);
        }
        return List.copyOf(out);
    }

    /** A map of texts to texts (words or whole numbers on both sides, none blank), in the order written. */
    public Map<String, String> textMap(String key) throws SpecException {
        Object v = values.get(key);
        if (!(v instanceof Map<?, ?> map)) {
            throw new SpecException(path + "." + key + ": must be a map of texts to texts, not " + shown(v));
        }
        Map<String, String> out = new LinkedHashMap<>();
        for (Map.Entry<?, ?> e : map.entrySet()) {
            String name = textItem(key, e.getKey());
            out.put(name, textItem(key + "." + YamlFiles.shown(name), e.getValue()));
        }
        return Collections.unmodifiableMap(out);
    }

    /** One text of a list or map: a word or a whole number, not blank, never a list, a map, true or a fraction. */
    private String textItem(String key, Object item) throws SpecException {
        if (!(item instanceof String) && !(item instanceof Integer) && !(item instanceof Long)
                || item.toString().isBlank()) {
            throw new SpecException(path + "." + key + ": each value must be a text that is not blank, not "
                    + (item instanceof String ? "a blank" : shown(item)));
        }
        return item.toString();
    }

    public String choice(String key, List<String> allowed) throws SpecException {
        Object v = values.get(key);
        if (!(v instanceof String s) || !allowed.contains(s)) {
            throw new SpecException(path + "." + key + ": must be one of " + allowed + ", not " + shown(v));
        }
        return s;
    }

    /** Text that must be given: a word or a whole number, never a list, a map, true or a fraction. */
    public String text(String key) throws SpecException {
        String v = optionalText(key);
        if (v.isBlank()) {
            throw new SpecException(path + "." + key + ": must be given");
        }
        return v;
    }

    /** Text that may be left blank (""), with the same types as {@link #text}. */
    public String optionalText(String key) throws SpecException {
        Object v = values.get(key);
        if (v == null) {
            return "";
        }
        if (!(v instanceof String) && !(v instanceof Integer) && !(v instanceof Long)) {
            throw new SpecException(path + "." + key + ": must be text, not " + shown(v));
        }
        return v.toString();
    }

    /** A value as a message shows it: what kind it is when that is the trouble. */
    private static String shown(Object v) {
        return v instanceof List<?> ? "a list" : v instanceof Map<?, ?> ? "a map" : YamlFiles.shown(String.valueOf(v));
    }

    /** A value where a number belongs; a number in quotes is text, and the message says so. */
    private static String shownForNumber(Object v) {
        return v instanceof String s ? "the text '" + YamlFiles.shown(s) + "' (remove the quotes)" : shown(v);
    }

    /** A declared parameter's value; after {@link Check#validate} it cannot fail. */
    public <T> T get(Parameter<T> parameter) {
        return validated(parameter::read);
    }

    /** For use after {@link Check#validate}: the same getters, with a validated spec they cannot fail. */
    private <T> T validated(Getter<T> getter) {
        try {
            return getter.get(this);
        } catch (SpecException e) {
            throw new IllegalStateException("parameters were not validated: " + e.getMessage(), e);
        }
    }

    /** A typed read of the parameters. */
    @FunctionalInterface
    public interface Getter<T> {
        T get(CheckParameters p) throws SpecException;
    }
}
