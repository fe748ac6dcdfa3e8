package datanoise;

import static descent.grade.GradedAssert.allClose;
import static descent.grade.GradedAssert.close;

import descent.grade.Exercise;
import descent.grade.Points;
import org.junit.jupiter.api.Test;

/**
 * Bilinear reads checked against hand calculations; rotations against NumPy's rot90 permutation (out[r][c] =
 * in[c][n − 1 − r], counter-clockwise), the reversal that a half turn is, and a linear ramp, which bilinear
 * interpolation reproduces exactly, read at the rotated point.
 */
@Exercise(id = "06.2", title = "rotating an image by bilinear interpolation")
class ImageRotationTest {

    private static final String SAMPLE = "notebook 24, bilinear interpolation: weights (1−a)(1−b), (1−a)b, a(1−b), ab "
            + "with a = r − ⌊r⌋ (rows) and b = c − ⌊c⌋ (columns), 0 outside the image";
    private static final String ROTATE = "notebook 24, the rotation formula: θ in degrees (Math.toRadians), counter-"
            + "clockwise on the screen, centre ((h − 1)/2, (w − 1)/2), r' = r̄ + u cos θ + v sin θ, c' = c̄ − u sin θ + v cos θ";

    /** 3×3 image 1 … 9 row by row. */
    private static final double[] NINE = {1, 2, 3, 4, 5, 6, 7, 8, 9};

    private static double[] ramp(int h, int w) {
        double[] x = new double[h * w];
        for (int r = 0; r < h; r++) {
            for (int c = 0; c < w; c++) {
                x[r * w + c] = 3 + 0.5 * r - 0.25 * c;
            }
        }
        return x;
    }

    @Test
    @Points(2)
    void bilinearReadsByHand() {
        String in = "the 3×3 image 1 … 9 (row by row)";
        close("sample at (1, 1)", in, 5, ImageRotation.sample(NINE, 3, 3, 1, 1), 1e-12, SAMPLE);
        close("sample at (0.5, 0): halfway between rows, a = ½", in, 2.5, ImageRotation.sample(NINE, 3, 3, 0.5, 0), 1e-12, SAMPLE);
        close("sample at (0, 1.5): halfway between columns, b = ½", in, 2.5, ImageRotation.sample(NINE, 3, 3, 0, 1.5), 1e-12, SAMPLE);
        // a = 0.25, b = 0.5: 0.375·1 + 0.375·2 + 0.125·4 + 0.125·5 = 2.25
        close("sample at (0.25, 0.5)", in, 2.25, ImageRotation.sample(NINE, 3, 3, 0.25, 0.5), 1e-12, SAMPLE);
        // a = 0.75, b = 0.25: 0.1875·5 + 0.0625·6 + 0.5625·8 + 0.1875·9 = 7.5
        close("sample at (1.75, 1.25)", in, 7.5, ImageRotation.sample(NINE, 3, 3, 1.75, 1.25), 1e-12, SAMPLE);
    }

    @Test
    @Points(1)
    void zeroOutsideTheImage() {
        String in = "the 3×3 image 1 … 9 (row by row)";
        close("sample at (−0.5, 0): half of pixel (0, 0), half outside", in, 0.5, ImageRotation.sample(NINE, 3, 3, -0.5, 0), 1e-12, SAMPLE);
        close("sample at (2.5, 2.5): a quarter of pixel (2, 2)", in, 2.25, ImageRotation.sample(NINE, 3, 3, 2.5, 2.5), 1e-12, SAMPLE);
        close("sample at (1, 3): one column past the right edge", in, 0, ImageRotation.sample(NINE, 3, 3, 1, 3), 1e-12, SAMPLE);
        close("sample at (−2, 1): two rows above the image", in, 0, ImageRotation.sample(NINE, 3, 3, -2, 1), 1e-12, SAMPLE);
    }

    @Test
    @Points(3)
    void aQuarterTurnIsRot90() {
        for (int n : new int[]{4, 5}) {
            double[] x = new double[n * n], expected = new double[n * n];
            for (int k = 0; k < x.length; k++) {
                x[k] = k + 1;
            }
            for (int r = 0; r < n; r++) {
                for (int c = 0; c < n; c++) {
                    expected[r * n + c] = x[c * n + (n - 1 - r)];
                }
            }
            allClose("rotate by 90°", "the " + n + "×" + n + " image 1, 2, …, " + n * n + " (row by row)", expected,
                    ImageRotation.rotate(x, n, n, 90), 1e-9, ROTATE + " (counter-clockwise: the top-right corner goes to the top left)");
        }
    }

    @Test
    @Points(1)
    void aHalfTurnOfARectangleReversesIt() {
        double[] x = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12}, expected = new double[12];
        for (int k = 0; k < 12; k++) {
            expected[k] = x[11 - k];
        }
        allClose("rotate by 180°", "the 3×4 image 1 … 12 (row by row)", expected, ImageRotation.rotate(x, 3, 4, 180), 1e-9,
                ROTATE + " (the centre of a 3×4 image is (1, 1.5))");
    }

    @Test
    @Points(2)
    void aRampIsReadAtTheRotatedPoint() {
        int h = 7, w = 9;
        double th = Math.toRadians(30), rc = 3, cc = 4;
        double[] got = ImageRotation.rotate(ramp(h, w), h, w, 30);
        if (got == null || got.length != h * w) {
            allClose("rotate by 30°", "the 7×9 ramp 3 + 0.5 r − 0.25 c", new double[h * w], got, 0, ROTATE);
        }
        double[] expected = new double[h * w], actual = new double[h * w];
        int k = 0;
        for (int r = 0; r < h; r++) {
            for (int c = 0; c < w; c++) {
                double xs = c - cc, ys = rc - r;   // screen coordinates, turned back by −θ
                double xin = Math.cos(th) * xs + Math.sin(th) * ys, yin = -Math.sin(th) * xs + Math.cos(th) * ys;
                double rin = rc - yin, cin = cc + xin;
                if (rin >= 0 && rin <= h - 1 && cin >= 0 && cin <= w - 1) {
                    expected[k] = 3 + 0.5 * rin - 0.25 * cin;
                    actual[k++] = got[r * w + c];
                } else if (rin <= -1 || rin >= h || cin <= -1 || cin >= w) {
                    expected[k] = 0;
                    actual[k++] = got[r * w + c];
                }
            }
        }
        allClose("rotate by 30°, pixels read inside the image (the ramp at the rotated point) and far outside (0)",
                "the 7×9 ramp 3 + 0.5 r − 0.25 c", java.util.Arrays.copyOf(expected, k), java.util.Arrays.copyOf(actual, k),
                1e-9, ROTATE);
    }

    @Test
    @Points(1)
    void noTurnAndAFullTurnGiveTheImageBack() {
        double[] x = {0.1, 0.7, 0.3, 0.9, 0.5, 0.2};
        allClose("rotate by 0°", "the 2×3 image (0.1, 0.7, 0.3; 0.9, 0.5, 0.2)", x, ImageRotation.rotate(x, 2, 3, 0), 1e-9, ROTATE);
        allClose("rotate by −360°", "the 2×3 image (0.1, 0.7, 0.3; 0.9, 0.5, 0.2)", x, ImageRotation.rotate(x, 2, 3, -360), 1e-9, ROTATE);
    }
}
