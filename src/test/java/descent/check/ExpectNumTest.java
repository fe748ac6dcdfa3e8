package descent.check;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ExpectNumTest {
    @Test
    void keepsExponentDigits() {
        assertEquals("1e-10", Expect.num(1e-10));
        assertEquals("15000000", Expect.num(1.5e7));
        assertEquals("1.5e+12", Expect.num(1.5e12));
        assertEquals("0.25", Expect.num(0.25));
        assertEquals("100", Expect.num(100));
        assertEquals("-3", Expect.num(-3));
    }
}
