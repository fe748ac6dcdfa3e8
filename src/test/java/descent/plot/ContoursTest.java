package descent.plot;

import descent.functions.Quadratic;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

class ContoursTest {

    /** Every traced point of x² + y² = 1 must lie on the unit circle (up to the grid's interpolation error). */
    @Test
    void levelSetOfACircleLiesOnTheCircle() {
        double[][] xy = Contours.levelSet((x, y) -> x * x + y * y, -2, 2, -2, 2, 101, 1.0);
        int points = 0;
        double totalLength = 0;
        for (int k = 0; k < xy[0].length; k++) {
            if (Double.isNaN(xy[0][k])) {
                continue;
            }
            points++;
            assertEquals(1.0, Math.hypot(xy[0][k], xy[1][k]), 2e-3, "point " + k);
            if (k + 1 < xy[0].length && !Double.isNaN(xy[0][k + 1])) {
                totalLength += Math.hypot(xy[0][k + 1] - xy[0][k], xy[1][k + 1] - xy[1][k]);
            }
        }
        assertTrue(points > 100, "a closed curve crosses many cells: " + points);
        assertEquals(2 * Math.PI, totalLength, 0.01, "the segments add up to the circumference");
    }

    @Test
    void levelOutsideTheRangeHasNoSegments() {
        assertEquals(0, Contours.levelSet((x, y) -> x * x + y * y, -1, 1, -1, 1, 20, 100)[0].length);
    }

    @Test
    void saddleCellsAreResolved() {
        // x·y = 0 is the two axes: every point traced lies on one of them
        double[][] xy = Contours.levelSet((x, y) -> x * y, -1, 1, -1, 1, 21, 0.0);
        for (int k = 0; k < xy[0].length; k++) {
            if (!Double.isNaN(xy[0][k])) {
                assertTrue(Math.abs(xy[0][k]) < 1e-9 || Math.abs(xy[1][k]) < 1e-9, xy[0][k] + ", " + xy[1][k]);
            }
        }
    }

    @Test
    void levelsAreEvenOrGeometric() {
        assertArrayEquals(new double[]{1, 2, 3}, Contours.levels(1, 3, 3, false), 1e-15);
        assertArrayEquals(new double[]{1, 10, 100}, Contours.levels(1, 100, 3, true), 1e-12);
        assertThrows(IllegalArgumentException.class, () -> Contours.levels(0, 1, 3, true));
    }

    @Test
    void figureDrawsContoursOutOfTheLegend() {
        Figure f = Figure.xy("bowl", "x", "y").contour(Quadratic.bowl(1, 4), -2, 2, -2, 2, 0.5, 1, 2)
                .path("GD", new double[]{1, 0.5}, new double[]{1, -0.6});
        assertEquals(4, f.seriesCount());
        assertEquals(0, f.legendCount(), "level sets stay out of the legend, and one named path needs none");
        assertEquals(0, f.layout().stream().filter(b -> b.role().equals("legend")).count());
        assertNotNull(f.image());
        assertThrows(IllegalArgumentException.class, () -> Figure.xy("t", "x", "y")
                .contour(new descent.functions.CubicSum(3), -1, 1, -1, 1, 0));
    }
}
