package org.sanaq.checks;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.sanaq.run.SpecException;

/**
 * One parameter of a check, declared once: its name in job specs, its default, and the rule its value must meet.
 * The check lists its parameters ({@link Check#parameters}); the job spec is validated against the same rules
 * before Spark starts, and the check reads each value through the same declaration
 * ({@link CheckParameters#get}), so a range is never written twice.
 *
 * @param <T> the type the check reads
 */
public final class Parameter<T> {
    private final String key;
    private final Object defaultValue;
    private final CheckParameters.Getter<T> rule;

    private Parameter(String key, Object defaultValue, CheckParameters.Getter<T> rule) {
        this.key = key;
        this.defaultValue = defaultValue;
        this.rule = rule;
    }

    /** A number from min to max. */
    public static Parameter<Double> number(String key, Number defaultValue, double min, double max) {
        return new Parameter<>(key, defaultValue, p -> p.number(key, min, max));
    }

    /** A whole number from min to max (read as a long: seeds use the whole range). */
    public static Parameter<Long> whole(String key, long defaultValue, long min, long max) {
        return new Parameter<>(key, defaultValue, p -> p.whole(key, min, max));
    }

    /** One of the allowed words. */
    public static Parameter<String> choice(String key, String defaultValue, List<String> allowed) {
        return new Parameter<>(key, defaultValue, p -> p.choice(key, allowed));
    }

    /** Text that must not be blank. */
    public static Parameter<String> text(String key, String defaultValue) {
        return new Parameter<>(key, defaultValue, p -> p.text(key));
    }

    /** A non-empty set of whole numbers from min to max, written as a list: repeats are dropped, values sorted. */
    public static Parameter<List<Integer>> integers(String key, List<Integer> defaultValue, int min, int max) {
        return new Parameter<>(key, defaultValue, p -> p.integers(key, min, max));
    }

    /** A list of texts, each given and named once, in the order written (it may be empty). */
    public static Parameter<List<String>> texts(String key, List<String> defaultValue) {
        return new Parameter<>(key, defaultValue, p -> p.texts(key));
    }

    /** A map of texts to texts (names to other names, say), each key and value given; it may be empty. */
    public static Parameter<Map<String, String>> textMap(String key, Map<String, String> defaultValue) {
        return new Parameter<>(key, defaultValue, p -> p.textMap(key));
    }

    /** A value with a rule of its own (a nested map, say), read by {@code rule}. */
    public static <T> Parameter<T> of(String key, Object defaultValue, CheckParameters.Getter<T> rule) {
        return new Parameter<>(key, defaultValue, rule);
    }

    public String key() {
        return key;
    }

    /** The value a job spec's parameters hold, or a {@link SpecException} naming the field. */
    T read(CheckParameters p) throws SpecException {
        return rule.get(p);
    }

    /** The defaults of a list of parameters, in their order. */
    static Map<String, Object> defaults(List<Parameter<?>> parameters) {
        Map<String, Object> d = new LinkedHashMap<>();
        for (Parameter<?> p : parameters) {
            d.put(p.key, p.defaultValue);
        }
        return d;
    }
}
