package descent.plot;

import org.junit.jupiter.api.Test;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

class FigureTest {

    @Test
    void rendersAPngOfTheRequestedSizeWithVisibleInk() throws Exception {
        Figure fig = Figure.xy("t", "x", "y", 400, 300).line("a", new double[]{0, 1, 2}, new double[]{0, 1, 4})
                .scatter("b", new double[]{0, 1}, new double[]{1, 2});
        assertEquals(2, fig.seriesCount());
        BufferedImage img = ImageIO.read(new ByteArrayInputStream(fig.png()));
        assertEquals(400 * Plot.SCALE, img.getWidth());
        assertEquals(300 * Plot.SCALE, img.getHeight());
        long nonWhite = 0;
        for (int x = 0; x < img.getWidth(); x++) {
            for (int y = 0; y < img.getHeight(); y++) {
                if ((img.getRGB(x, y) & 0xFFFFFF) != 0xFFFFFF) {
                    nonWhite++;
                }
            }
        }
        assertTrue(nonWhite > 1000, "a blank image has no axes or lines: " + nonWhite + " non-white pixels");
    }

    @Test
    void axisLabelsAreRequired() {
        assertThrows(IllegalArgumentException.class, () -> Figure.xy("t", "", "y"));
        assertThrows(IllegalArgumentException.class, () -> Figure.xy("t", "x", null));
    }

    @Test
    void nonPositiveValueOnALogAxisIsNamed() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Figure.xy("t", "x", "y").logY().line("loss", new double[]{1, 2}, new double[]{1, 0}));
        assertTrue(e.getMessage().contains("loss") && e.getMessage().contains("y[1] = 0.0"), e.getMessage());
    }

    @Test
    void mismatchedLengthsAndDuplicateNamesAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> Figure.xy("t", "x", "y").line("a", new double[2], new double[3]));
        Figure f = Figure.xy("t", "x", "y").line("a", new double[2], new double[2]);
        assertThrows(IllegalArgumentException.class, () -> f.line("a", new double[2], new double[2]));
    }

    @Test
    void gridAndSave(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        Figure a = Figure.xy("a", "x", "y", 200, 120).line("s", new double[]{0, 1}, new double[]{0, 1});
        Figure b = Figure.xy("b", "x", "y", 200, 120).line("s", new double[]{0, 1}, new double[]{1, 0});
        BufferedImage g = Figure.grid(List.of(a, b, a), 2);
        assertEquals(400 * Plot.SCALE, g.getWidth());
        assertEquals(240 * Plot.SCALE, g.getHeight());
        Path p = a.save(dir.resolve("sub/a.png"));
        assertTrue(Files.size(p) > 100);
    }

    @Test
    void everyKindHasPublicImageAndLayoutMethodsOfItsOwn() throws Exception {
        // a public method inherited from a package-private class cannot be invoked by reflection from outside the
        // package (a notebook kernel's display code): each public kind must declare its own copy
        for (Class<?> kind : List.of(Figure.class, BarChart.class, Heatmap.class, ImageGrid.class)) {
            for (String m : List.of("image", "layout")) {
                Class<?> declaring = kind.getMethod(m).getDeclaringClass();
                assertTrue(java.lang.reflect.Modifier.isPublic(declaring.getModifiers()),
                        kind.getSimpleName() + "." + m + "() is declared in non-public " + declaring.getName());
            }
        }
    }

    @Test
    void aMarkerOnTheFrameIsDrawnWholeAndOneOutsideTheRangeNotAtAll() {
        Figure f = Figure.xy("t", "x", "y", 400, 300).xRange(0, 1).yRange(0, 1)
                .scatter("corner", new double[]{1, 1.2}, new double[]{0, 0.5});
        double[] a = f.plotArea();
        BufferedImage img = f.image();
        int s = Plot.SCALE;
        double right = a[0] + a[2], bottom = a[1] + a[3];
        // just right of the right edge, just above the bottom corner: white unless the corner marker overhangs
        int rgb = img.getRGB((int) Math.round((right + 2) * s), (int) Math.round((bottom - 1) * s)) & 0xFFFFFF;
        assertNotEquals(0xFFFFFF, rgb, "the marker at (1, 0) reaches past the frame");
        // the point (1.2, 0.5) lies outside the x range: nothing of it beside the right edge at y = 0.5
        double midY = a[1] + a[3] / 2;
        for (int dx = 1; dx <= 3; dx++) {
            assertEquals(0xFFFFFF, img.getRGB((int) Math.round((right + dx) * s), (int) Math.round(midY * s)) & 0xFFFFFF,
                    "a point outside the range leaves no ink past the frame (dx = " + dx + ")");
        }
    }
}
