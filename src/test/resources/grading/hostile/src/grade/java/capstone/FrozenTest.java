package capstone;

import static org.junit.jupiter.api.Assertions.assertEquals;

import descent.grade.Exercise;
import descent.grade.Points;
import org.junit.jupiter.api.Test;

@Exercise(id = "95.9", title = "a static initializer that never ends")
class FrozenTest {
    @Test
    @Points(2)
    void answers() {
        assertEquals(42.0, Frozen.answer(21), 0.0);
    }

    @Test
    @Points(1)
    void again() throws Exception {
        
        assertEquals(10.0, Frozen.answer(5), 0.0);
    }
}
