package descent.augment;

import java.util.Random;

/**
 * Scaling about the image centre by a factor s (Goodfellow et al. §7.4: "scaling"): s &gt; 1 enlarges the object and
 * cuts off its border, s &lt; 1 shrinks it and surrounds it with background. The output pixel at offset (u, v) from
 * the centre reads the input, by {@linkplain Bilinear bilinear interpolation}, at offset (u/s, v/s). The random version
 * draws s uniformly from [s_min, s_max].
 */
public final class Scaling implements Augmentation {

    private final double min;
    private final double max;

    /** Random factors, uniform on [min, max], 0 &lt; min ≤ max, both finite. */
    public Scaling(double min, double max) {
        if (!(min > 0 && min <= max && Double.isFinite(max))) {
            throw new IllegalArgumentException("Scaling: the factors need 0 < min ≤ max < ∞, got min " + min + ", max " + max);
        }
        this.min = min;
        this.max = max;
    }

    /** The fixed factor s &gt; 0. */
    public static Scaling by(double s) {
        return new Scaling(s, s);
    }

    @Override
    public void apply(double[] in, int inOffset, double[] out, int outOffset, int height, int width, Random rng) {
        double s = min == max ? min : min + (max - min) * rng.nextDouble();
        Bilinear.warp(in, inOffset, out, outOffset, height, width, 1 / s, 0, 0, 1 / s);
    }

    @Override
    public boolean mayChangeClass() {
        return false;
    }

    @Override
    public String name() {
        return min == max ? "scale ×" + Rotation.fmt(min) : "scale ×" + Rotation.fmt(min) + "–" + Rotation.fmt(max);
    }
}
