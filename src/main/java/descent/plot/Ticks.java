package descent.plot;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Tick positions and labels for one axis, chosen the way matplotlib's {@code MaxNLocator} and {@code LogLocator}
 * choose them: on a linear axis the ticks are the multiples of a step 1, 2 or 5 × 10ᵏ that fall inside the axis,
 * the finest such step with at most {@code maxTicks} of them; on a logarithmic axis the labelled ticks are powers of
 * ten, every first, second, fifth, tenth, ... decade, at most {@code maxTicks} of them, labelled 10ᵏ, with
 * unlabelled minor ticks between them; an axis that holds fewer than three powers of ten (one or two labels only)
 * is labelled at 1, 2 and 5 × 10ᵏ instead ("2×10⁻¹"), or at 1 and 2 × 10ᵏ, or at the powers alone, whichever
 * is the finest that fits.
 *
 * <p>Labels use the true minus sign (−) and as many decimals as the step needs. Values of 10⁵ and more, or
 * below 10⁻³, are written as multiples of a power of ten shown once beside the axis ({@link #multiplier}).
 */
final class Ticks {

    /** Labelled tick positions (data units), increasing. */
    final double[] major;
    /** Their labels. */
    final String[] labels;
    /** Unlabelled tick positions (only on logarithmic axes). */
    final double[] minor;
    /** "×10ᵏ" when the labels are multiples of 10ᵏ, else null. */
    final String multiplier;
    /** The step between ticks (linear axes) or the decade stride (logarithmic axes). */
    final double step;

    private Ticks(double[] major, String[] labels, double[] minor, String multiplier, double step) {
        this.major = major;
        this.labels = labels;
        this.minor = minor;
        this.multiplier = multiplier;
        this.step = step;
    }

    private static final int[] MANTISSAS = {1, 2, 5};

    /** The 1-2-5 steps from about span/1000 to span, increasing. */
    private static List<Double> steps(double span) {
        int e0 = (int) Math.floor(Math.log10(span)) - 3;
        List<Double> out = new ArrayList<>();
        for (int e = e0; e <= e0 + 4; e++) {
            for (int m : MANTISSAS) {
                out.add(m * Math.pow(10, e));
            }
        }
        return out;
    }

    private static long first(double lo, double step) {
        return (long) Math.ceil(lo / step - 1e-9);
    }

    private static long last(double hi, double step) {
        return (long) Math.floor(hi / step + 1e-9);
    }

    static int count(double lo, double hi, double step) {
        return (int) Math.max(0, last(hi, step) - first(lo, step) + 1);
    }

    /** Ticks on the linear axis [lo, hi] (lo &lt; hi): the finest 1-2-5 step with at most maxTicks ticks inside. */
    static Ticks linear(double lo, double hi, int maxTicks) {
        if (!(hi > lo) || !Double.isFinite(lo) || !Double.isFinite(hi)) {
            throw new IllegalArgumentException("an axis needs finite lo < hi, got [" + lo + ", " + hi + "]");
        }
        List<Double> steps = steps(hi - lo);
        double chosen = steps.get(steps.size() - 1);
        for (int i = 0; i < steps.size(); i++) {
            double s = steps.get(i);
            int n = count(lo, hi, s);
            if (n <= Math.max(2, maxTicks)) {
                // with very few ticks allowed, a coarser step can leave a single tick: keep two then
                chosen = (n < 2 && i > 0) ? steps.get(i - 1) : s;
                break;
            }
        }
        return linearWithStep(lo, hi, chosen);
    }

    static Ticks linearWithStep(double lo, double hi, double step) {
        long k0 = first(lo, step), k1 = last(hi, step);
        int n = (int) Math.max(0, k1 - k0 + 1);
        double[] major = new double[n];
        double biggest = 0;
        for (int i = 0; i < n; i++) {
            major[i] = (k0 + i) * step;
            if (Math.abs(major[i]) < step * 1e-9) {
                major[i] = 0;
            }
            biggest = Math.max(biggest, Math.abs(major[i]));
        }
        int exponent = 0;
        String multiplier = null;
        if (biggest >= 1e5 || (biggest > 0 && biggest < 1e-3)) {
            exponent = (int) Math.floor(Math.log10(biggest) + 1e-9);
            multiplier = "×10" + superscript(exponent);
        }
        double scaledStep = step / Math.pow(10, exponent);
        int decimals = Math.max(0, (int) -Math.floor(Math.log10(scaledStep) + 1e-9));
        String[] labels = new String[n];
        for (int i = 0; i < n; i++) {
            labels[i] = number((k0 + i) * scaledStep, decimals);
        }
        return new Ticks(major, labels, new double[0], multiplier, step);
    }

    /**
     * Ticks on the logarithmic axis [lo, hi] (0 &lt; lo &lt; hi): powers of ten, every s-th decade with s the
     * smallest of 1, 2, 5, 10, 20, ... that gives at most maxTicks labels.
     */
    static Ticks log(double lo, double hi, int maxTicks) {
        if (!(lo > 0) || !(hi > lo) || !Double.isFinite(hi)) {
            throw new IllegalArgumentException("a logarithmic axis needs 0 < lo < hi, got [" + lo + ", " + hi + "]");
        }
        int k0 = (int) Math.ceil(Math.log10(lo) - 1e-9), k1 = (int) Math.floor(Math.log10(hi) + 1e-9);
        int stride = 1;
        outer:
        for (int e = 0; e < 6; e++) {
            for (int m : MANTISSAS) {
                stride = m * (int) Math.pow(10, e);
                if (decades(k0, k1, stride).size() <= Math.max(2, maxTicks)) {
                    break outer;
                }
            }
        }
        List<Integer> ks = decades(k0, k1, stride);
        if (ks.size() < 2 && stride > 1) {
            stride = previousStride(stride);
            ks = decades(k0, k1, stride);
        }
        if (ks.size() < 2 || ks.size() == 2 && k1 - k0 == 1) {
            return logWithinADecade(lo, hi, maxTicks);
        }
        double[] major = new double[ks.size()];
        String[] labels = new String[ks.size()];
        for (int i = 0; i < ks.size(); i++) {
            major[i] = Math.pow(10, ks.get(i));
            labels[i] = "10" + superscript(ks.get(i));
        }
        List<Double> minor = new ArrayList<>();
        if (stride == 1) {
            if (k1 - k0 <= 8) {
                for (int k = k0 - 1; k <= k1; k++) {
                    for (int m = 2; m <= 9; m++) {
                        double v = m * Math.pow(10, k);
                        if (v >= lo && v <= hi) {
                            minor.add(v);
                        }
                    }
                }
            }
        } else {
            for (int k = k0; k <= k1; k++) {
                if (Math.floorMod(k, stride) != 0) {
                    minor.add(Math.pow(10, k));
                }
            }
        }
        return new Ticks(major, labels, minor.stream().mapToDouble(Double::doubleValue).toArray(), null, stride);
    }

    /** The numbers 1, 2 and 5 × 10ᵏ in [lo, hi], increasing. */
    static List<double[]> mantissaTicks(double lo, double hi) {
        List<double[]> out = new ArrayList<>();
        for (int k = (int) Math.floor(Math.log10(lo)) - 1; k <= (int) Math.ceil(Math.log10(hi)); k++) {
            for (int m : MANTISSAS) {
                double v = m * Math.pow(10, k);
                if (v >= lo * (1 - 1e-12) && v <= hi * (1 + 1e-12)) {
                    out.add(new double[]{v, m, k});
                }
            }
        }
        return out;
    }

    /**
     * A logarithmic axis holding fewer than three powers of ten: labels at 1, 2 and 5 × 10ᵏ ("2×10⁻¹", "10⁰"), as
     * LogLocator labels its minor ticks in that case; 5 is dropped, then 2, if there would be more than maxTicks.
     */
    private static Ticks logWithinADecade(double lo, double hi, int maxTicks) {
        List<double[]> all = mantissaTicks(lo, hi);
        for (int keep = 3; keep >= 1; keep--) {
            final int kept = keep;
            List<double[]> chosen = all.stream().filter(t -> kept == 3 || t[1] == 1 || (kept == 2 && t[1] == 2)).toList();
            if (chosen.size() <= Math.max(2, maxTicks) || keep == 1) {
                double[] major = new double[chosen.size()];
                String[] labels = new String[chosen.size()];
                for (int i = 0; i < major.length; i++) {
                    double[] t = chosen.get(i);
                    major[i] = t[0];
                    labels[i] = (t[1] == 1 ? "" : (int) t[1] + "×") + "10" + superscript((int) t[2]);
                }
                List<Double> minor = new ArrayList<>();
                for (int k = (int) Math.floor(Math.log10(lo)); k <= (int) Math.ceil(Math.log10(hi)); k++) {
                    for (int m = 1; m <= 9; m++) {
                        double v = m * Math.pow(10, k);
                        final double fv = v;
                        if (v >= lo && v <= hi && chosen.stream().noneMatch(t -> Math.abs(t[0] - fv) <= fv * 1e-12)) {
                            minor.add(v);
                        }
                    }
                }
                return new Ticks(major, labels, minor.stream().mapToDouble(Double::doubleValue).toArray(), null, 1);
            }
        }
        throw new AssertionError("unreachable");
    }

    private static int previousStride(int stride) {
        int e = (int) Math.floor(Math.log10(stride) + 1e-9), m = (int) Math.round(stride / Math.pow(10, e));
        return m == 1 ? 5 * (int) Math.pow(10, e - 1) : m == 2 ? (int) Math.pow(10, e) : 2 * (int) Math.pow(10, e);
    }

    private static List<Integer> decades(int k0, int k1, int stride) {
        List<Integer> out = new ArrayList<>();
        for (int k = k0; k <= k1; k++) {
            if (Math.floorMod(k, stride) == 0) {
                out.add(k);
            }
        }
        return out;
    }

    /** A number with a fixed count of decimals and a true minus sign; never "−0". */
    static String number(double v, int decimals) {
        String s = String.format(Locale.ROOT, "%." + decimals + "f", v);
        if (s.startsWith("-") && s.chars().allMatch(ch -> ch == '-' || ch == '0' || ch == '.')) {
            s = s.substring(1);
        }
        return s.replace('-', '−');
    }

    private static final String SUPERSCRIPT_DIGITS = "⁰¹²³⁴⁵⁶⁷⁸⁹";

    /** An integer in superscript digits, e.g. −12 → ⁻¹². */
    static String superscript(int k) {
        StringBuilder b = new StringBuilder();
        if (k < 0) {
            b.append('⁻');
        }
        for (char c : Integer.toString(Math.abs(k)).toCharArray()) {
            b.append(SUPERSCRIPT_DIGITS.charAt(c - '0'));
        }
        return b.toString();
    }
}
