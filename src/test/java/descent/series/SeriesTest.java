package descent.series;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

class SeriesTest {

    @Test
    void rangesAndGrids() {
        assertArrayEquals(new double[]{0, 1, 2, 3}, Series.range(4));
        assertArrayEquals(new double[]{2, 3, 4}, Series.range(2, 5));
        assertEquals(0, Series.range(5, 5).length);
        assertEquals(0, Series.range(0).length);
        assertArrayEquals(new double[]{-1, -0.5, 0, 0.5, 1}, Series.linspace(-1, 1, 5), 1e-15);
        double[] grid = Series.linspace(0, 0.3, 4);
        assertEquals(0.3, grid[3], 0, "the end point is exact");
        assertArrayEquals(new double[]{1e-2, 1e-1, 1, 10}, Series.logspace(-2, 1, 4), 1e-14);
        assertArrayEquals(new double[]{1, 4, 9}, Series.map(new double[]{1, 2, 3}, v -> v * v));
        assertThrows(IllegalArgumentException.class, () -> Series.linspace(0, 1, 1));
        assertThrows(IllegalArgumentException.class, () -> Series.linspace(Double.NaN, 1, 3));
        assertThrows(IllegalArgumentException.class, () -> Series.linspace(0, Double.POSITIVE_INFINITY, 3));
    }

    @Test
    void columnsOfAPath() {
        List<double[]> path = List.of(new double[]{1, 10}, new double[]{2, 20}, new double[]{3, 30});
        assertArrayEquals(new double[]{1, 2, 3}, Series.column(path, 0));
        assertArrayEquals(new double[]{10, 20}, Series.column(path, 1, 2));
        assertArrayEquals(new double[]{10, 20, 30}, Series.column(path, 1, 99), "a limit past the end takes all");
        assertArrayEquals(new double[]{10, 20, 30}, Series.column(new double[][]{{1, 10}, {2, 20}, {3, 30}}, 1));
        assertArrayEquals(new double[]{0.5, 2, 7}, Series.toArray(List.of(0.5, 2, 7L)));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Series.column(path, 2));
        assertTrue(e.getMessage().contains("coordinate 2") && e.getMessage().contains("2 coordinates"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Series.column(path, -1));
        assertThrows(IllegalArgumentException.class, () -> Series.column(path, 0, -1));
    }

    @Test
    void slopesRecoverTheExponentOfAPowerLaw() {
        double[] x = {1, 2, 4, 8, 16}, y = new double[5], z = new double[5];
        for (int i = 0; i < 5; i++) {
            y[i] = 3 / Math.sqrt(x[i]);
            z[i] = 2 * x[i] - 1;
        }
        assertEquals(-0.5, Series.logLogSlope(x, y), 1e-14);
        assertEquals(2, Series.slope(x, z), 1e-14);
        // a power law only between 2 and 8: outside it the points would pull the fit away
        double[] bent = {100, 1 / 2.0, 1 / 4.0, 1 / 8.0, 100};
        assertEquals(-1, Series.logLogSlope(x, bent, 2, 8), 1e-14);
        // least squares, not the end points: (0,0), (1,1), (2,3) has slope 1.5
        assertEquals(1.5, Series.slope(new double[]{0, 1, 2}, new double[]{0, 1, 3}), 1e-15);
    }

    @Test
    void slopesRejectWhatHasNoSlope() {
        assertThrows(IllegalArgumentException.class, () -> Series.slope(new double[]{1, 2}, new double[]{1}));
        assertThrows(IllegalArgumentException.class, () -> Series.slope(new double[]{1}, new double[]{1}));
        assertThrows(IllegalArgumentException.class, () -> Series.slope(new double[]{1, 1}, new double[]{1, 2}));
        assertThrows(IllegalArgumentException.class, () -> Series.slope(new double[]{1, Double.NaN}, new double[]{1, 2}));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Series.logLogSlope(new double[]{1, 2}, new double[]{1, 0}));
        assertTrue(e.getMessage().contains("y[1] = 0.0"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Series.logLogSlope(new double[]{-1, 2}, new double[]{1, 1}));
        assertThrows(IllegalArgumentException.class,
                () -> Series.logLogSlope(new double[]{1, 2}, new double[]{1, 2, 3}, 0, 5));
    }
}
