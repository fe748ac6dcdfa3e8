package capstone;

import static org.junit.jupiter.api.Assertions.assertEquals;

import descent.grade.Exercise;
import descent.grade.Points;
import org.junit.jupiter.api.Test;

@Exercise(id = "91.5", title = "counter")
class CounterTest {
    @Test
    @Points(1)
    void counts() {
        Counter c = new Counter();
        c.next();
        assertEquals(2, c.next());
    }
}
