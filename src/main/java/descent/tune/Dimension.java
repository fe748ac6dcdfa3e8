package descent.tune;

import java.util.Arrays;
import java.util.Random;

/**
 * One hyperparameter and the range it is searched over (Aggarwal §3.3.1). Four kinds:
 * <ul>
 *   <li>{@link #uniform}: U(lo, hi), for hyperparameters whose effect is additive (a dropout rate, a momentum);</li>
 *   <li>{@link #logUniform}: log₁₀ v ~ U(log₁₀ lo, log₁₀ hi), for those whose effect is multiplicative (learning
 *       rate, regularisation weight): each decade gets the same share of the draws. Aggarwal's example is the learning
 *       rate in [0.001, 0.1], i.e. log₁₀ α ~ U(−3, −1);</li>
 *   <li>{@link #integer}: a whole number in [lo, hi], uniformly (a width, a number of layers);</li>
 *   <li>{@link #choice}: one of a list of values.</li>
 * </ul>
 * An empty range (lo ≥ hi), a non-positive lower end of a log range, or an empty list is refused with the
 * dimension's name and the values.
 */
public record Dimension(String name, Kind kind, double lo, double hi, double[] choices) {

    public enum Kind { UNIFORM, LOG_UNIFORM, INTEGER, CHOICE }

    public Dimension {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a hyperparameter needs a name, got " + (name == null ? "null" : "\"" + name + "\""));
        }
        if (kind != Kind.CHOICE) {
            if (!Double.isFinite(lo) || !Double.isFinite(hi) || !(lo < hi)) {
                throw new IllegalArgumentException(String.format(
                        "hyperparameter %s: the range [%s, %s] is empty or not finite; it needs lo < hi", name,
                        descent.check.Expect.num(lo), descent.check.Expect.num(hi)));
            }
            if (kind == Kind.LOG_UNIFORM && !(lo > 0)) {
                throw new IllegalArgumentException(String.format(
                        "hyperparameter %s: a log-uniform range needs lo > 0, got [%s, %s]", name,
                        descent.check.Expect.num(lo), descent.check.Expect.num(hi)));
            }
            if (kind == Kind.INTEGER && (lo != Math.rint(lo) || hi != Math.rint(hi))) {
                throw new IllegalArgumentException(String.format(
                        "hyperparameter %s: an integer range needs whole ends, got [%s, %s]", name,
                        descent.check.Expect.num(lo), descent.check.Expect.num(hi)));
            }
        } else {
            if (choices == null || choices.length == 0) {
                throw new IllegalArgumentException("hyperparameter " + name + ": a choice needs at least one value, got none");
            }
            for (double c : choices) {
                if (!Double.isFinite(c)) {
                    throw new IllegalArgumentException("hyperparameter " + name + ": choice " + c + " is not finite");
                }
            }
            choices = choices.clone();
        }
    }

    public static Dimension uniform(String name, double lo, double hi) {
        return new Dimension(name, Kind.UNIFORM, lo, hi, null);
    }

    public static Dimension logUniform(String name, double lo, double hi) {
        return new Dimension(name, Kind.LOG_UNIFORM, lo, hi, null);
    }

    public static Dimension integer(String name, int lo, int hi) {
        return new Dimension(name, Kind.INTEGER, lo, hi, null);
    }

    public static Dimension choice(String name, double... values) {
        return new Dimension(name, Kind.CHOICE, Double.NaN, Double.NaN, values);
    }

    /** One draw. */
    public double sample(Random rng) {
        return switch (kind) {
            case UNIFORM -> lo + (hi - lo) * rng.nextDouble();
            case LOG_UNIFORM -> Math.pow(10, Math.log10(lo) + (Math.log10(hi) - Math.log10(lo)) * rng.nextDouble());
            case INTEGER -> lo + rng.nextInt((int) (hi - lo) + 1);
            case CHOICE -> choices[rng.nextInt(choices.length)];
        };
    }

    /**
     * {@code n} grid values: evenly spaced (in log₁₀ for {@link Kind#LOG_UNIFORM}) from lo to hi inclusive; integers
     * rounded and de-duplicated; every value of a choice (n is ignored).
     */
    public double[] grid(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("hyperparameter " + name + ": a grid needs at least 1 point, got " + n);
        }
        if (kind == Kind.CHOICE) {
            return choices.clone();
        }
        double[] g = new double[n];
        for (int i = 0; i < n; i++) {
            double f = n == 1 ? 0.5 : i / (double) (n - 1);
            g[i] = switch (kind) {
                case UNIFORM -> lo + (hi - lo) * f;
                case LOG_UNIFORM -> Math.pow(10, Math.log10(lo) + (Math.log10(hi) - Math.log10(lo)) * f);
                case INTEGER -> Math.rint(lo + (hi - lo) * f);
                default -> throw new AssertionError(kind);
            };
        }
        return kind == Kind.INTEGER ? Arrays.stream(g).distinct().toArray() : g;
    }

    /**
     * A sub-range centred on {@code centre}, {@code fraction} as wide as this one (in log₁₀ for a log range), clipped
     * to this range: the next, finer box of a coarse-to-fine search. A choice is returned unchanged.
     */
    public Dimension around(double centre, double fraction) {
        if (!(fraction > 0 && fraction <= 1)) {
            throw new IllegalArgumentException("hyperparameter " + name + ": the shrink fraction must lie in (0, 1], got " + fraction);
        }
        if (kind == Kind.CHOICE) {
            return this;
        }
        boolean log = kind == Kind.LOG_UNIFORM;
        double a = log ? Math.log10(lo) : lo, b = log ? Math.log10(hi) : hi, c = log ? Math.log10(centre) : centre;
        double half = (b - a) * fraction / 2;
        double na = Math.max(a, c - half), nb = Math.min(b, c + half);
        if (kind == Kind.INTEGER) {
            na = Math.floor(na);
            nb = Math.max(na + 1, Math.ceil(nb));
            nb = Math.min(nb, hi);
            na = Math.min(na, nb - 1);
        }
        return new Dimension(name, kind, log ? Math.pow(10, na) : na, log ? Math.pow(10, nb) : nb, null);
    }

    /** True when v lies in the range (or is one of the choices). */
    public boolean contains(double v) {
        if (kind == Kind.CHOICE) {
            return Arrays.stream(choices).anyMatch(c -> c == v);
        }
        return v >= lo && v <= hi && (kind != Kind.INTEGER || v == Math.rint(v));
    }

    @Override
    public String toString() {
        return switch (kind) {
            case UNIFORM -> name + " ~ U(" + lo + ", " + hi + ")";
            case LOG_UNIFORM -> name + " ~ 10^U(" + Math.log10(lo) + ", " + Math.log10(hi) + ")";
            case INTEGER -> name + " ∈ {" + (long) lo + ", …, " + (long) hi + "}";
            case CHOICE -> name + " ∈ " + Arrays.toString(choices);
        };
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Dimension d && d.name.equals(name) && d.kind == kind && Double.compare(d.lo, lo) == 0
                && Double.compare(d.hi, hi) == 0 && Arrays.equals(d.choices, choices);
    }

    @Override
    public int hashCode() {
        return name.hashCode() * 31 + kind.hashCode();
    }
}
