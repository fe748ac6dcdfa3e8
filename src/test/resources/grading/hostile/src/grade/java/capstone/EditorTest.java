package capstone;

import static org.junit.jupiter.api.Assertions.assertEquals;

import descent.grade.Exercise;
import descent.grade.Points;
import org.junit.jupiter.api.Test;

@Exercise(id = "95.7", title = "editing the course for the next run")
class EditorTest {
    @Test
    @Points(2)
    void answers() {
        assertEquals(42.0, Editor.answer(21), 0.0);
    }
}
