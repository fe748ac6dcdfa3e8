package descent.grade;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class GradedAssertTest {

    private static String message(Runnable r) {
        return assertThrows(AssertionError.class, r::run).getMessage();
    }

    @Test
    void closeSaysInputExpectedGotAndWhatToReread() {
        assertEquals("∂L/∂x1 for ∂L/∂o = 5, x1 = 2, x2 = 3: expected 15, got 10 (difference 5, tolerance 1e-12). "
                + "Reread Table 3.1.", message(() -> GradedAssert.close("∂L/∂x1", "∂L/∂o = 5, x1 = 2, x2 = 3", 15, 10,
                1e-12, "Table 3.1")));
        GradedAssert.close("q", "in", 15, 15 + 1e-13, 1e-12, "r");
        // Relative to max(1, |expected|): 1e6 ± 0.5 is within 1e-6.
        GradedAssert.close("q", "in", 1e6, 1e6 + 0.5, 1e-6, "r");
        message(() -> GradedAssert.close("q", "in", 1e6, 1e6 + 2, 1e-6, "r"));
    }

    @Test
    void tinyNumbersKeepTheirExponent() {
        assertEquals("q for in: expected 1e-10, got 3e-10 (difference 2e-10, tolerance 1e-12). Reread r.",
                message(() -> GradedAssert.close("q", "in", 1e-10, 3e-10, 1e-12, "r")));
        assertEquals("1e-10", GradedAssert.num(1e-10));
    }

    @Test
    void nanAndInfinityFailAndSaySo() {
        assertEquals("q for in: expected 2, got NaN (not a number: look for 0/0, ∞−∞ or a log/sqrt of a negative "
                + "number). Reread r.", message(() -> GradedAssert.close("q", "in", 2, Double.NaN, 1e300, "r")));
        assertEquals("q for in: expected 2, got Infinity (infinite: look for a division by zero or an overflowing "
                + "exp). Reread r.", message(() -> GradedAssert.close("q", "in", 2, Double.POSITIVE_INFINITY, 1e300, "r")));
        assertEquals("g[1] for in: expected [1, 2], got [1, NaN] (entry 1 is not a number: look for 0/0, ∞−∞ or a "
                + "log/sqrt of a negative number). Reread r.", message(() -> GradedAssert.allClose("g", "in",
                new double[]{1, 2}, new double[]{1, Double.NaN}, 1e-9, "r")));
    }

    @Test
    void allCloseNamesLengthNullAndTheBadEntry() {
        assertEquals("g for in: expected [15, 10], got [10, 15] (entry 0 differs by 5, tolerance 1e-12). Reread r.",
                message(() -> GradedAssert.allClose("g", "in", new double[]{15, 10}, new double[]{10, 15}, 1e-12, "r")));
        assertEquals("g for in: expected 2 values [15, 10], got 1 values [15]. Reread r.",
                message(() -> GradedAssert.allClose("g", "in", new double[]{15, 10}, new double[]{15}, 1e-12, "r")));
        assertEquals("g for in: expected 2 values, got null. Reread r.",
                message(() -> GradedAssert.allClose("g", "in", new double[]{15, 10}, null, 1e-12, "r")));
        GradedAssert.allClose("g", "in", new double[]{15, 10}, new double[]{15, 10}, 0, "r");
    }

    @Test
    void longListsAreShortenedInTheMiddle() {
        double[] v = new double[20];
        for (int i = 0; i < v.length; i++) {
            v[i] = i;
        }
        assertEquals("[0, 1, 2, 3, 4, 5, …, 16, 17, 18, 19]", GradedAssert.list(v));
        assertEquals("[0.25, -3, 1.5e+12]", GradedAssert.list(new double[]{0.25, -3, 1.5e12}));
    }

    @Test
    void thatAndFail() {
        assertEquals("q for in: rows do not sum to 1. Reread r.",
                message(() -> GradedAssert.that(false, "q", "in", "rows do not sum to 1", "r")));
        GradedAssert.that(true, "q", "in", "fine", "r");
    }

    @Test
    void flatIsRowMajorAndLetsAWrongShapeReachTheLengthCheck() {
        org.junit.jupiter.api.Assertions.assertArrayEquals(new double[]{1, 2, 3, 4, 5, 6},
                GradedAssert.flat(new double[][]{{1, 2, 3}, {4, 5, 6}}));
        org.junit.jupiter.api.Assertions.assertArrayEquals(new double[]{1, 2, 3, 4, 5},
                GradedAssert.flat(new double[][][]{{{1, 2}, {3}}, null, {{4, 5}}}));
        org.junit.jupiter.api.Assertions.assertNull(GradedAssert.flat((double[][]) null));
        // A student's ragged 2×3 answer with a null row: no exception inside the test, a message naming the lengths.
        String m = message(() -> GradedAssert.allClose("W", "in", new double[]{1, 2, 3, 4, 5, 6},
                GradedAssert.flat(new double[][]{{1, 2, 3}, null}), 0, "r"));
        assertEquals("W for in: expected 6 values [1, 2, 3, 4, 5, 6], got 3 values [1, 2, 3]. Reread r.", m);
    }
}
