package datanoise;

/**
 * Exercise 06.2: rotating an image for dataset augmentation (Goodfellow et al. §7.4), by inverse mapping and bilinear
 * interpolation. An image is h×w grey values stored row after row: pixel (r, c), row r counted from the top, column c
 * from the left, is {@code image[r * w + c]}.
 * <ul>
 *   <li>{@link #sample}: the image read at a real position (r, c) by bilinear interpolation, with 0 outside the image:
 *       with r₀ = ⌊r⌋, c₀ = ⌊c⌋, a = r − r₀, b = c − c₀,
 *       <pre>  (1−a)(1−b)·x[r₀][c₀] + (1−a)·b·x[r₀][c₀+1] + a(1−b)·x[r₀+1][c₀] + a·b·x[r₀+1][c₀+1]</pre>
 *       ({@link #pixel} already returns 0 outside the image).</li>
 *   <li>{@link #rotate}: the image turned by θ degrees counter-clockwise, as it is shown on the screen, about its centre
 *       (r̄, c̄) = ((h − 1)/2, (w − 1)/2). The output pixel at offset (u, v) = (r − r̄, c − c̄) comes from
 *       <pre>  r' = r̄ + u·cos θ + v·sin θ,     c' = c̄ − u·sin θ + v·cos θ</pre>
 *       (turn the pixel's screen coordinates x = v, y = −u back by −θ), read with {@link #sample}.</li>
 * </ul>
 */
public final class ImageRotation {

    private ImageRotation() {
    }

    /** Pixel (r, c) of the h×w image, or 0 if (r, c) lies outside it. */
    public static double pixel(double[] image, int height, int width, int r, int c) {
        return r < 0 || c < 0 || r >= height || c >= width ? 0 : image[r * width + c];
    }

    /**
     * @return the h×w image read at the real position (r, c) by bilinear interpolation, 0 outside
     */
    public static double sample(double[] image, int height, int width, double r, double c) {
        // BEGIN SOLUTION 06.2 bilinear read
        int r0 = (int) Math.floor(r), c0 = (int) Math.floor(c);
        double a = r - r0, b = c - c0;
        return (1 - a) * (1 - b) * pixel(image, height, width, r0, c0)
                + (1 - a) * b * pixel(image, height, width, r0, c0 + 1)
                + a * (1 - b) * pixel(image, height, width, r0 + 1, c0)
                + a * b * pixel(image, height, width, r0 + 1, c0 + 1);
        // END SOLUTION
    }

    /**
     * @param degrees θ, counter-clockwise on the screen (negative: clockwise)
     * @return a new h×w image: the input turned by θ about its centre, 0 where nothing turns in
     */
    public static double[] rotate(double[] image, int height, int width, double degrees) {
        // BEGIN SOLUTION 06.2 inverse rotation
        double theta = Math.toRadians(degrees), cos = Math.cos(theta), sin = Math.sin(theta);
        double rc = (height - 1) / 2.0, cc = (width - 1) / 2.0;
        double[] out = new double[height * width];
        for (int r = 0; r < height; r++) {
            for (int c = 0; c < width; c++) {
                double u = r - rc, v = c - cc;
                out[r * width + c] = sample(image, height, width, rc + u * cos + v * sin, cc - u * sin + v * cos);
            }
        }
        return out;
        // END SOLUTION
    }
}
