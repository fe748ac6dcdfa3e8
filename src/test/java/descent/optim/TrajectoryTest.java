package descent.optim;

import descent.functions.Quadratic;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

class TrajectoryTest {

    /**
     * Steps to ‖w‖ &lt; 1e-6 on Aggarwal's bowls x² + cy² (Fig. 3.9) from (1, 1), α = 0.05: this course's reproduction,
     * counted independently by src/test/python/reproductions.py (Aggarwal §3.5.2 prints no counts).
     */
    @Test
    void reproducesTheBookCounts() {
        assertEquals(135, Trajectory.run(Quadratic.bowl(1, 1), new double[]{1, 1}, ps -> new SGD(ps, 0.05), 1000).firstWithinOfOrigin(1e-6));
        assertEquals(39, Trajectory.run(Quadratic.bowl(1, 4), new double[]{1, 1}, ps -> new Momentum(ps, 0.05, 0.5), 1000).firstWithinOfOrigin(1e-6));
        assertEquals(114, Trajectory.run(Quadratic.bowl(1, 4), new double[]{1, 1}, ps -> new Nesterov(ps, 0.05, 0.9), 1000).firstWithinOfOrigin(1e-6));
        Trajectory gd = Trajectory.run(Quadratic.bowl(1, 25), new double[]{1, 1}, ps -> new SGD(ps, 0.05), 10_000);
        assertTrue(gd.diverged());
        assertTrue(gd.steps() < 10_000);
    }

    @Test
    void recordsStartAndValues() {
        Trajectory t = Trajectory.run(Quadratic.bowl(1, 4), new double[]{1, 1}, ps -> new SGD(ps, 0.1), 2);
        assertArrayEquals(new double[]{1, 1}, t.points()[0]);
        assertArrayEquals(new double[]{0.8, 0.2}, t.points()[1], 1e-15);
        assertEquals(5, t.values()[0], 0);
        assertArrayEquals(new double[]{1, 0.8, 0.64}, t.coordinate(0), 1e-15); // x ← x − 0.1·2x twice
        assertEquals(2, t.steps());
        assertEquals(-1, t.firstWithinOfOrigin(1e-9));
    }
}
