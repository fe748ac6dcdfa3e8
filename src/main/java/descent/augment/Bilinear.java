package descent.augment;

/**
 * Bilinear interpolation of an h×w image at a real position (r, c), with 0 outside the image: with
 * r₀ = ⌊r⌋, c₀ = ⌊c⌋, a = r − r₀ and b = c − c₀,
 * <pre>
 *   I(r, c) = (1−a)(1−b) I(r₀, c₀) + (1−a) b I(r₀, c₀+1) + a (1−b) I(r₀+1, c₀) + a b I(r₀+1, c₀+1).
 * </pre>
 * At integer positions it returns the pixel itself; between two pixels of a row, the straight line between them.
 */
final class Bilinear {

    /** Positions this close to an integer are read as that integer, so that 90° rotations move pixels exactly. */
    private static final double SNAP = 1e-9;

    private Bilinear() {
    }

    static double sample(double[] img, int off, int h, int w, double r, double c) {
        double rr = Math.rint(r), cr = Math.rint(c);
        if (Math.abs(r - rr) < SNAP) {
            r = rr;
        }
        if (Math.abs(c - cr) < SNAP) {
            c = cr;
        }
        if (r <= -1 || c <= -1 || r >= h || c >= w) {
            return 0;
        }
        int r0 = (int) Math.floor(r), c0 = (int) Math.floor(c);
        double a = r - r0, b = c - c0;
        return (1 - a) * ((1 - b) * pixel(img, off, h, w, r0, c0) + b * pixel(img, off, h, w, r0, c0 + 1))
                + a * ((1 - b) * pixel(img, off, h, w, r0 + 1, c0) + b * pixel(img, off, h, w, r0 + 1, c0 + 1));
    }

    private static double pixel(double[] img, int off, int h, int w, int r, int c) {
        return r < 0 || c < 0 || r >= h || c >= w ? 0 : img[off + r * w + c];
    }

    /**
     * The inverse affine warp about the image centre (r̄, c̄) = ((h−1)/2, (w−1)/2): the output pixel at offset
     * (u, v) = (r − r̄, c − c̄) reads the input at (r̄ + a·u + b·v, c̄ + c·u + d·v).
     */
    static void warp(double[] in, int inOff, double[] out, int outOff, int h, int w,
                     double a, double b, double c, double d) {
        double rc = (h - 1) / 2.0, cc = (w - 1) / 2.0;
        for (int r = 0; r < h; r++) {
            double u = r - rc;
            for (int col = 0; col < w; col++) {
                double v = col - cc;
                out[outOff + r * w + col] = sample(in, inOff, h, w, rc + a * u + b * v, cc + c * u + d * v);
            }
        }
    }
}
