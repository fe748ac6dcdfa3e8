package descent.check;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

class ExpectTest {

    @Test
    void passingChecksDoNotThrow() {
        Expect.close("c", 15, 15 + 1e-12, 1e-9);
        Expect.close("large values use a relative tolerance", 1e6, 1e6 + 1e-4, 1e-9);
        Expect.allClose("v", new double[]{18, 16, 14, 12}, new double[]{18, 16, 14, 12}, 0);
        Expect.below("b", 1e-8, 1e-6);
        Expect.above("a", 2, 1);
        Expect.that("t", true, "fine");
    }

    @Test
    void failingChecksThrowWithTheClaimAndBothValues() {
        AssertionError e = assertThrows(AssertionError.class, () -> Expect.close("∂L/∂x1", 15, 6, 1e-9));
        assertTrue(e.getMessage().contains("∂L/∂x1") && e.getMessage().contains("15") && e.getMessage().contains("6"),
                e.getMessage());
        assertThrows(AssertionError.class, () -> Expect.close("nan", 1, Double.NaN, 1));
        AssertionError v = assertThrows(AssertionError.class,
                () -> Expect.allClose("grad", new double[]{0, 0, 8, 6}, new double[]{0, 0, 8, 7}, 1e-9));
        assertTrue(v.getMessage().contains("[3]"), v.getMessage());
        assertThrows(AssertionError.class, () -> Expect.allClose("len", new double[2], new double[3], 1));
        assertThrows(AssertionError.class, () -> Expect.allClose("inf", new double[]{1}, new double[]{Double.POSITIVE_INFINITY}, 1e9));
        assertThrows(AssertionError.class, () -> Expect.below("b", 1, 1));
        assertThrows(AssertionError.class, () -> Expect.above("a", 1, 1));
        assertThrows(AssertionError.class, () -> Expect.that("t", false, "no"));
    }
}
