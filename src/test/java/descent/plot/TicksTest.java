package descent.plot;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The tick rules: linear ticks at multiples of 1, 2 or 5 × 10ᵏ, at most maxTicks (≤ 8) of them, at least two,
 * all inside the axis, the finest such step; logarithmic axes labelled 10ᵏ on at most maxTicks decades.
 * Checked against arithmetic done here, for thousands of random axes, and on rendered figures.
 */
class TicksTest {

    /** True when step = m × 10ᵏ with m ∈ {1, 2, 5}, decided from the decimal digits of the step. */
    static boolean is125(double step) {
        double e = Math.floor(Math.log10(step) + 1e-12);
        double m = step / Math.pow(10, e);
        return Math.abs(m - 1) < 1e-9 || Math.abs(m - 2) < 1e-9 || Math.abs(m - 5) < 1e-9 || Math.abs(m - 10) < 1e-9;
    }

    static int nextStride(int stride) {
        int e = (int) Math.floor(Math.log10(stride) + 1e-12), m = (int) Math.round(stride / Math.pow(10, e));
        return m == 1 ? 2 * (int) Math.pow(10, e) : m == 2 ? 5 * (int) Math.pow(10, e) : 10 * (int) Math.pow(10, e);
    }

    static double next125Above(double step) {
        double e = Math.floor(Math.log10(step) + 1e-12), m = Math.round(step / Math.pow(10, e));
        return (m == 1 ? 2 : m == 2 ? 5 : 10) * Math.pow(10, e);
    }

    static double next125Below(double step) {
        double e = Math.floor(Math.log10(step) + 1e-12), m = Math.round(step / Math.pow(10, e));
        return m == 1 ? 0.5 * Math.pow(10, e) : m == 2 ? Math.pow(10, e) : 2 * Math.pow(10, e);
    }

    @Test
    void linearTicksFollowTheRulesOnRandomAxes() {
        Random r = new Random(12);
        for (int trial = 0; trial < 2000; trial++) {
            double scale = Math.pow(10, r.nextInt(16) - 8);
            double lo = (r.nextDouble() * 2 - 1) * scale * (r.nextBoolean() ? 1 : 100);
            double hi = lo + scale * (0.01 + r.nextDouble() * 10);
            int max = 3 + r.nextInt(6);
            Ticks t = Ticks.linear(lo, hi, max);
            String where = "axis [" + lo + ", " + hi + "], max " + max + ": " + Arrays.toString(t.major);
            assertTrue(is125(t.step), "step " + t.step + " is not 1, 2 or 5 × 10^k; " + where);
            // at most max ticks, unless the next coarser step would leave a single one: then the finer step is kept
            // (which cannot give more than 6)
            boolean coarserLeavesOne = Ticks.count(lo, hi, next125Above(t.step)) < 2;
            assertTrue(t.major.length >= 2 && (t.major.length <= max || coarserLeavesOne && t.major.length <= 6),
                    "tick count " + t.major.length + "; " + where);
            for (double v : t.major) {
                assertTrue(v >= lo - 1e-9 * scale && v <= hi + 1e-9 * scale, "tick " + v + " outside; " + where);
                double k = v / t.step;
                assertEquals(Math.rint(k), k, 1e-6, "tick " + v + " is not a multiple of " + t.step + "; " + where);
            }
            // the finest allowed: the next finer 1-2-5 step would put more than max ticks on the axis
            double finer = next125Below(t.step);
            long n = (long) (Math.floor(hi / finer + 1e-9) - Math.ceil(lo / finer - 1e-9) + 1);
            assertTrue(n > max, "a finer step " + finer + " gives " + n + " ≤ " + max + " ticks; " + where);
        }
    }

    @Test
    void knownAxes() {
        Ticks steps = Ticks.linear(-150, 3150, 8);
        assertArrayEquals(new double[]{0, 500, 1000, 1500, 2000, 2500, 3000}, steps.major, 0);
        assertArrayEquals(new String[]{"0", "500", "1000", "1500", "2000", "2500", "3000"}, steps.labels);
        Ticks eps = Ticks.linear(-0.005, 0.125, 8);
        assertEquals("0.00 0.02 0.04 0.06 0.08 0.10 0.12", String.join(" ", eps.labels));
        Ticks neg = Ticks.linear(-3.1, 3.1, 8);
        assertEquals("−3 −2 −1 0 1 2 3", String.join(" ", neg.labels), "true minus sign, no −0");
        Ticks big = Ticks.linear(0, 1.2e6, 8);
        assertEquals("×10⁶", big.multiplier);
        assertEquals("0.0 0.2 0.4 0.6 0.8 1.0 1.2", String.join(" ", big.labels));
        Ticks small = Ticks.linear(0, 8.5e-4, 5);
        assertEquals("×10⁻⁴", small.multiplier);
        assertEquals("0 2 4 6 8", String.join(" ", small.labels));
    }

    static final Pattern POWER_OF_TEN = Pattern.compile("10⁻?[⁰¹²³⁴⁵⁶⁷⁸⁹]+");
    /** 10ᵏ, 2×10ᵏ or 5×10ᵏ: the labels of a logarithmic axis that holds fewer than three powers of ten. */
    static final Pattern LOG_LABEL = Pattern.compile("([25]×)?10⁻?[⁰¹²³⁴⁵⁶⁷⁸⁹]+");

    static int exponent(String label) {
        StringBuilder b = new StringBuilder();
        for (char c : label.substring(2).toCharArray()) {
            b.append(c == '⁻' ? '-' : (char) ('0' + "⁰¹²³⁴⁵⁶⁷⁸⁹".indexOf(c)));
        }
        return Integer.parseInt(b.toString());
    }

    @Test
    void logTicksArePowersOfTenOnAFewDecades() {
        Random r = new Random(3);
        for (int trial = 0; trial < 2000; trial++) {
            double la = r.nextDouble() * 40 - 30, lb = la + 1 + r.nextDouble() * 40;
            int max = 3 + r.nextInt(6);
            Ticks t = Ticks.log(Math.pow(10, la), Math.pow(10, lb), max);
            String where = "axis 10^[" + la + ", " + lb + "], max " + max + ": " + Arrays.toString(t.labels);
            boolean coarserLeavesOne = t.step < 1e6 && java.util.stream.IntStream.rangeClosed((int) Math.ceil(la - 1e-9), (int) Math.floor(lb + 1e-9))
                    .filter(k -> Math.floorMod(k, nextStride((int) t.step)) == 0).count() < 2;
            assertTrue(t.major.length >= 1 && (t.major.length <= max || coarserLeavesOne && t.major.length <= 6), "label count; " + where);
            assertTrue(t.major.length >= 2, "at least two labels; " + where);
            if (Math.floor(lb) - Math.ceil(la) < 2) {
                continue; // fewer than three powers of ten: 1-2-5 labels, checked below
            }
            for (int i = 0; i < t.major.length; i++) {
                assertTrue(POWER_OF_TEN.matcher(t.labels[i]).matches(), "label " + t.labels[i] + "; " + where);
                int k = exponent(t.labels[i]);
                assertEquals(Math.pow(10, k), t.major[i], Math.pow(10, k) * 1e-12, where);
                assertTrue(k >= la - 1e-9 && k <= lb + 1e-9, where);
                assertEquals(0, Math.floorMod(k, (int) t.step), "labelled decades are multiples of the stride; " + where);
            }
            assertTrue(is125(t.step), "decade stride " + t.step + "; " + where);
        }
        Ticks within = Ticks.log(16, 500, 8);
        assertEquals("2×10¹ 5×10¹ 10² 2×10² 5×10²", String.join(" ", within.labels), "1-2-5 labels inside 1.5 decades");
        assertArrayEquals(new double[]{20, 50, 100, 200, 500}, within.major, 1e-9);
        assertEquals("10⁻¹ 10⁰", String.join(" ", Ticks.log(0.09, 1.2, 1).labels), "only powers when few are allowed");
        assertEquals("10⁻¹ 2×10⁻¹ 5×10⁻¹ 10⁰", String.join(" ", Ticks.log(0.08, 1.05, 8).labels),
                "two powers of ten only: the 2s and 5s between them are labelled too");
        assertEquals("10⁻¹ 2×10⁻¹ 10⁰", String.join(" ", Ticks.log(0.08, 1.05, 3).labels), "the 5s go first");
        assertEquals("10⁻² 10⁻¹ 10⁰", String.join(" ", Ticks.log(0.008, 1.05, 8).labels), "three powers: powers only");
        Ticks t = Ticks.log(1e-16, 100, 8);
        assertEquals("10⁻¹⁵ 10⁻¹⁰ 10⁻⁵ 10⁰", String.join(" ", t.labels));
        assertEquals(15, t.minor.length, "the unlabelled decades get minor ticks");
    }

    /** Every tick label a figure draws, by axis. */
    static List<String> labels(Plot p, String role) {
        List<String> out = new ArrayList<>();
        for (TextBox b : p.layout()) {
            if (b.role().equals(role)) {
                out.add(b.text());
            }
        }
        return out;
    }

    static double parse(String label) {
        return Double.parseDouble(label.replace('−', '-'));
    }

    @Test
    void renderedFiguresFollowTheRules() {
        Random r = new Random(5);
        for (int trial = 0; trial < 30; trial++) {
            int n = 50;
            double[] x = new double[n], y = new double[n];
            double sx = Math.pow(10, r.nextInt(9) - 3), sy = Math.pow(10, r.nextInt(7) - 2), off = r.nextGaussian() * sx;
            for (int i = 0; i < n; i++) {
                x[i] = off + sx * i / (n - 1) * (1 + r.nextDouble());
                y[i] = Math.exp(-i * r.nextDouble()) * sy + 1e-12;
            }
            int w = 240 + r.nextInt(800), h = 180 + r.nextInt(500);
            boolean logY = r.nextBoolean();
            Figure f = Figure.xy("trial " + trial, "x", "y", w, h).line("a", x, y);
            if (logY) {
                f.logY();
            }
            List<String> xs = labels(f, "x tick"), ys = labels(f, "y tick");
            String where = "trial " + trial + " (" + w + "×" + h + "): x " + xs + ", y " + ys;
            assertTrue(xs.size() >= 2 && xs.size() <= 8, where);
            assertTrue(ys.size() >= 2 && ys.size() <= 8, where);
            double step = parse(xs.get(1)) - parse(xs.get(0));
            assertTrue(is125(Math.abs(step)) || is125(Math.abs(step) * 1.0000001), "x step " + step + "; " + where);
            for (int i = 1; i < xs.size(); i++) {
                assertEquals(step, parse(xs.get(i)) - parse(xs.get(i - 1)), Math.abs(step) * 1e-6, where);
            }
            if (logY) {
                for (String l : ys) {
                    assertTrue(LOG_LABEL.matcher(l).matches(), "log label " + l + "; " + where);
                }
            }
            assertEquals(List.of(), TextBox.problems(f.layout(), w, h), where);
        }
    }
}
