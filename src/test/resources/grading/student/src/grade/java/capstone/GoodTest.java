package capstone;

import static org.junit.jupiter.api.Assertions.assertEquals;

import descent.grade.Exercise;
import descent.grade.Points;
import org.junit.jupiter.api.Test;

@Exercise(id = "90.1", title = "twice")
class GoodTest {
    @Test
    @Points(2)
    void doubles() {
        assertEquals(6, Good.twice(3));
    }
}
