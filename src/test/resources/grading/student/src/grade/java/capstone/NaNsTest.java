package capstone;

import descent.grade.Exercise;
import descent.grade.GradedAssert;
import descent.grade.Points;
import org.junit.jupiter.api.Test;

@Exercise(id = "90.8", title = "mean")
class NaNsTest {
    @Test
    @Points(2)
    void mean() {
        GradedAssert.close("mean", "x = [1, 2, 3]", 2, NaNs.mean(new double[]{1, 2, 3}), 1e-12, "eq. 1.1");
    }
}
