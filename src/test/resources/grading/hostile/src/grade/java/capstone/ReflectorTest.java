package capstone;

import static org.junit.jupiter.api.Assertions.assertEquals;

import descent.grade.Exercise;
import descent.grade.Points;
import org.junit.jupiter.api.Test;

@Exercise(id = "95.13", title = "reflection on the student JVM")
class ReflectorTest {
    @Test
    @Points(2)
    void answers() {
        assertEquals(42.0, Reflector.answer(21), 0.0);
    }
}
