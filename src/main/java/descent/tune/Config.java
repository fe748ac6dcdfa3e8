package descent.tune;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/** Values for every hyperparameter of a {@link Space}, by name, in the space's order. */
public record Config(Map<String, Double> values) {

    public Config {
        values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    /** The value of {@code name}; throws naming the known hyperparameters when there is none. */
    public double get(String name) {
        Double v = values.get(name);
        if (v == null) {
            throw new IllegalArgumentException("no hyperparameter " + name + " in this configuration; it has " + values.keySet());
        }
        return v;
    }

    /** The value of an integer or choice hyperparameter as an int. */
    public int getInt(String name) {
        return (int) Math.round(get(name));
    }

    @Override
    public String toString() {
        return values.entrySet().stream().map(e -> e.getKey() + " = " + descent.check.Expect.num(e.getValue()))
                .collect(Collectors.joining(", ", "{", "}"));
    }
}
