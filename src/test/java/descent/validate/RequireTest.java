package descent.validate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class RequireTest {

    private static String message(Runnable r) {
        return assertThrows(IllegalArgumentException.class, r::run).getMessage();
    }

    @Test
    void acceptedValuesComeBackUnchanged() {
        assertEquals(0.0, Require.nonNegative("α", 0.0));
        assertEquals(2.5, Require.positive("ε", 2.5));
        assertEquals(0.0, Require.decay("β", 0.0));
        assertEquals(0.999, Require.decay("β", 0.999));
        double[] v = {1, -2};
        assertArrayEquals(v, Require.finite("g", v));
    }

    @Test
    void boundariesNaNAndInfinityAreRefusedWithTheValue() {
        assertEquals("ε must be finite and > 0, got 0.0", message(() -> Require.positive("ε", 0)));
        assertEquals("ε must be finite and > 0, got NaN", message(() -> Require.positive("ε", Double.NaN)));
        assertEquals("ε must be finite and > 0, got Infinity",
                message(() -> Require.positive("ε", Double.POSITIVE_INFINITY)));
        assertEquals("α must be finite and ≥ 0, got -1.0E-300", message(() -> Require.nonNegative("α", -1e-300)));
        assertEquals("α must be finite and ≥ 0, got NaN", message(() -> Require.nonNegative("α", Double.NaN)));
        assertEquals("α must be finite and ≥ 0, got Infinity",
                message(() -> Require.nonNegative("α", Double.POSITIVE_INFINITY)));
        assertEquals("β must lie in [0, 1), got 1.0", message(() -> Require.decay("β", 1)));
        assertEquals("β must lie in [0, 1), got -0.1", message(() -> Require.decay("β", -0.1)));
        assertEquals("β must lie in [0, 1), got NaN", message(() -> Require.decay("β", Double.NaN)));
        assertEquals("g must be finite, but entry 1 is NaN",
                message(() -> Require.finite("g", new double[]{0, Double.NaN, Double.NEGATIVE_INFINITY})));
    }
}
