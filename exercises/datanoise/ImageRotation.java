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
        // YOUR CODE HERE
        throw new UnsupportedOperationException("Exercise 06.2 (bilinear read) is not implemented yet");
    }

    /**
     * @param degrees θ, counter-clockwise on the screen (negative: clockwise)
     * @return a new h×w image: the input turned by θ about its centre, 0 where nothing turns in
     */
    public static double[] rotate(double[] image, int height, int width, double degrees) {
        // YOUR CODE HERE
        throw new UnsupportedOperationException("Exercise 06.2 (inverse rotation) is not implemented yet");
    }
}
