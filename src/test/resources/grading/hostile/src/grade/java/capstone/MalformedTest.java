package capstone;

import static org.junit.jupiter.api.Assertions.assertEquals;

import descent.grade.Exercise;
import descent.grade.Points;
import org.junit.jupiter.api.Test;

@Exercise(id = "95.4", title = "malformed and oversized frames")
class MalformedTest {
    @Test
    @Points(2)
    void answers() {
        assertEquals(42.0, Malformed.answer(21), 0.0);
    }

    @Test
    @Points(1)
    void again() throws Exception {
        
        assertEquals(10.0, Malformed.answer(5), 0.0);
    }

    @Test
    @Points(1)
    void third() {
        assertEquals(14.0, Malformed.answer(7), 0.0);
    }
}
