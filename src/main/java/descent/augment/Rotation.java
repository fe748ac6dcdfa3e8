package descent.augment;

import java.util.Random;

/**
 * Rotation about the image centre by a small angle θ, counter-clockwise as the image is shown (Goodfellow et al. §7.4:
 * "rotating the image"). Each output pixel at offset (u, v) = (r − r̄, c − c̄) from the centre (r̄, c̄) =
 * ((h − 1)/2, (w − 1)/2) reads the input, by {@linkplain Bilinear bilinear interpolation}, at the point rotated back by
 * −θ:
 * <pre>
 *   r_in = r̄ + cos θ · u + sin θ · v,     c_in = c̄ − sin θ · u + cos θ · v,
 * </pre>
 * (rows grow downwards, so the screen's y is −u), with 0 outside. At θ = 90° on a square image this is an exact
 * permutation of the pixels. The random version draws θ uniformly from [−θ_max, θ_max] degrees.
 * Large angles are {@link Rotation180}'s business: rotations here are limited to |θ| ≤ 180°.
 */
public final class Rotation implements Augmentation {

    private final double maxDegrees;
    private final boolean fixed;

    /** Random angles, uniform on [−maxDegrees, maxDegrees] (0 ≤ maxDegrees ≤ 180). */
    public Rotation(double maxDegrees) {
        this(maxDegrees, false);
    }

    private Rotation(double degrees, boolean fixed) {
        if (!(fixed ? Math.abs(degrees) <= 180 : degrees >= 0 && degrees <= 180)) {
            throw new IllegalArgumentException("Rotation: the angle must be " + (fixed ? "in [−180°, 180°]" : "in [0°, 180°]")
                    + ", got " + degrees + "°");
        }
        this.maxDegrees = degrees;
        this.fixed = fixed;
    }

    /** The fixed rotation by {@code degrees} counter-clockwise (negative: clockwise), |degrees| ≤ 180. */
    public static Rotation by(double degrees) {
        return new Rotation(degrees, true);
    }

    @Override
    public void apply(double[] in, int inOffset, double[] out, int outOffset, int height, int width, Random rng) {
        double deg = fixed ? maxDegrees : maxDegrees * (2 * rng.nextDouble() - 1);
        double t = Math.toRadians(deg), cos = Math.cos(t), sin = Math.sin(t);
        Bilinear.warp(in, inOffset, out, outOffset, height, width, cos, sin, -sin, cos);
    }

    @Override
    public boolean mayChangeClass() {
        return false;
    }

    @Override
    public String name() {
        return fixed ? "rotate " + fmt(maxDegrees) + "°" : "rotate ±" + fmt(maxDegrees) + "°";
    }

    static String fmt(double v) {
        return v == Math.rint(v) ? String.valueOf((long) v) : String.valueOf(v);
    }
}
