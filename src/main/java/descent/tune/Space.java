package descent.tune;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/** The hyperparameters searched over, in order; names must be distinct and there must be at least one. */
public final class Space {

    private final List<Dimension> dimensions;

    public Space(Dimension... dimensions) {
        this(List.of(dimensions));
    }

    public Space(List<Dimension> dimensions) {
        if (dimensions.isEmpty()) {
            throw new IllegalArgumentException("a search space needs at least one hyperparameter");
        }
        Map<String, Dimension> seen = new LinkedHashMap<>();
        for (Dimension d : dimensions) {
            if (seen.put(d.name(), d) != null) {
                throw new IllegalArgumentException("hyperparameter " + d.name() + " appears twice in the search space");
            }
        }
        this.dimensions = List.copyOf(dimensions);
    }

    public List<Dimension> dimensions() {
        return dimensions;
    }

    public List<String> names() {
        return dimensions.stream().map(Dimension::name).toList();
    }

    /** One configuration, each dimension drawn independently. */
    public Config sample(Random rng) {
        Map<String, Double> v = new LinkedHashMap<>();
        for (Dimension d : dimensions) {
            v.put(d.name(), d.sample(rng));
        }
        return new Config(v);
    }

    /** The full grid, {@code n} points per dimension (every value of a choice), first dimension varying slowest. */
    public List<Config> grid(int n) {
        List<Map<String, Double>> out = new ArrayList<>();
        out.add(new LinkedHashMap<>());
        for (Dimension d : dimensions) {
            List<Map<String, Double>> next = new ArrayList<>();
            for (Map<String, Double> partial : out) {
                for (double v : d.grid(n)) {
                    Map<String, Double> m = new LinkedHashMap<>(partial);
                    m.put(d.name(), v);
                    next.add(m);
                }
            }
            out = next;
        }
        return out.stream().map(Config::new).toList();
    }

    /** The finer box around {@code centre}: each dimension {@code fraction} as wide, clipped to this space. */
    public Space around(Config centre, double fraction) {
        List<Dimension> ds = new ArrayList<>();
        for (Dimension d : dimensions) {
            ds.add(d.around(centre.get(d.name()), fraction));
        }
        return new Space(ds);
    }

    @Override
    public String toString() {
        return dimensions.toString();
    }
}
