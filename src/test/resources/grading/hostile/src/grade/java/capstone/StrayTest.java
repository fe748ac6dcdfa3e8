package capstone;

import static org.junit.jupiter.api.Assertions.assertEquals;

import descent.grade.Exercise;
import descent.grade.Points;
import org.junit.jupiter.api.Test;

@Exercise(id = "95.12", title = "a stray thread calls System.exit")
class StrayTest {
    @Test
    @Points(2)
    void answers() {
        assertEquals(42.0, Stray.answer(21), 0.0);
    }

    @Test
    @Points(1)
    void again() throws Exception {
        Thread.sleep(2000); // the thread the first test left behind would exit now
        assertEquals(10.0, Stray.answer(5), 0.0);
    }
}
