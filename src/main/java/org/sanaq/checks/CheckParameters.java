package org.sanaq.checks;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.sanaq.run.SpecException;

/**
 * A check's parameters: its defaults overridden by the job spec. Typed getters fail with the parameter's full
 * path ({@code checks.round_percentages.alpha}) so that a job spec error names its field.
 */
public final class CheckParameters {
    private final String path;
    private final Map<String, Object> values;

    public CheckParameters(String path, Map<String, Object> defaults, Map<String, Object> given) throws SpecException {
        this.path = path;
        for (String key : given.keySet()) {
            if (!defaults.containsKey(key)) {
                throw new SpecException(path + "." + key + ": unknown parameter; known: " + defaults.keySet());
            }
        }
        Map<String, Object> merged = new LinkedHashMap<>(defaults);
        merged.putAll(given);
        this.values = merged;
    }

    /** All values, as recorded in the manifest. */
    public Map<String, Object> asMap() {
        return new LinkedHashMap<>(values);
    }

    public double number(String key, double min, double max) throws SpecException {
        Object v = values.get(key);
        if (!(v instanceof Number n) || n.doubleValue() < min || n.doubleValue() > max) {
            throw new SpecException(path + "." + key + ": must be a number from " + min + " to " + max + ", not " + v);
        }
        return n.doubleValue();
    }

    public long whole(String key, long min, long max) throws SpecException {
        Object v = values.get(key);
        if (!(v instanceof Number n) || n.doubleValue() != Math.rint(n.doubleValue()) || n.doubleValue() < min
                || n.doubleValue() > max) {
            throw new SpecException(path + "." + key + ": must be a whole number from " + min + " to " + max
                    + ", not " + v);
        }
        return n.longValue();
    }

    public List<Integer> integers(String key, int min, int max) throws SpecException {
        Object v = values.get(key);
        List<Integer> out = new ArrayList<>();
        if (v instanceof List<?> list && !list.isEmpty()) {
            for (Object item : list) {
                if (!(item instanceof Integer i) || i < min || i > max) {
                    throw new SpecException(path + "." + key + ": each value must be a whole number from " + min
                            + " to " + max + ", not " + item);
                }
                out.add(i);
            }
            return out;
        }
        throw new SpecException(path + "." + key + ": must be a non-empty list of whole numbers, not " + v);
    }

    public String choice(String key, List<String> allowed) throws SpecException {
        Object v = values.get(key);
        if (v == null || !allowed.contains(v.toString())) {
            throw new SpecException(path + "." + key + ": must be one of " + allowed + ", not " + v);
        }
        return v.toString();
    }

    public String text(String key) throws SpecException {
        Object v = values.get(key);
        if (v == null || v.toString().isBlank()) {
            throw new SpecException(path + "." + key + ": must be given");
        }
        return v.toString();
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
