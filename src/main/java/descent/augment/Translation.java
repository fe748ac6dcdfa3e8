package descent.augment;

import java.util.Random;

/**
 * Translation by whole pixels (Goodfellow et al. §7.4: "translating the training images a few pixels in each
 * direction"): T(x)(r, c) = x(r − Δr, c − Δc), 0 where r − Δr or c − Δc falls outside the image. A shift
 * (Δc, Δr) = (1, 0) moves every pixel one column to the right. The random version draws Δr and Δc uniformly from the
 * integers −s … s for each image; padding by s pixels and cropping a window at a random place (the usual "random
 * crop" of CIFAR training) is exactly this transform.
 */
public final class Translation implements Augmentation {

    private final int maxShift;
    private final int dx;
    private final int dy;
    private final boolean fixed;

    /** Random shifts: Δr and Δc uniform on {−maxShift, …, maxShift}, independently for each image. */
    public Translation(int maxShift) {
        if (maxShift < 0) {
            throw new IllegalArgumentException("Translation: the largest shift must be ≥ 0 pixels, got " + maxShift);
        }
        this.maxShift = maxShift;
        this.dx = 0;
        this.dy = 0;
        this.fixed = false;
    }

    private Translation(int dx, int dy) {
        this.maxShift = Math.max(Math.abs(dx), Math.abs(dy));
        this.dx = dx;
        this.dy = dy;
        this.fixed = true;
    }

    /** The fixed shift by {@code dx} columns to the right and {@code dy} rows down. */
    public static Translation by(int dx, int dy) {
        return new Translation(dx, dy);
    }

    @Override
    public void apply(double[] in, int inOffset, double[] out, int outOffset, int height, int width, Random rng) {
        int sx = dx, sy = dy;
        if (!fixed) {
            sx = rng.nextInt(2 * maxShift + 1) - maxShift;
            sy = rng.nextInt(2 * maxShift + 1) - maxShift;
        }
        for (int r = 0; r < height; r++) {
            int rs = r - sy;
            int o = outOffset + r * width;
            if (rs < 0 || rs >= height) {
                java.util.Arrays.fill(out, o, o + width, 0);
                continue;
            }
            int i = inOffset + rs * width;
            for (int c = 0; c < width; c++) {
                int cs = c - sx;
                out[o + c] = cs < 0 || cs >= width ? 0 : in[i + cs];
            }
        }
    }

    @Override
    public void requireFits(int height, int width) {
        Augmentation.super.requireFits(height, width);
        if (maxShift >= Math.min(height, width)) {
            throw new IllegalArgumentException(name() + ": a shift of " + maxShift + " pixels moves a " + height + "×"
                    + width + " image out of itself; use a shift smaller than " + Math.min(height, width));
        }
    }

    @Override
    public boolean mayChangeClass() {
        return false;
    }

    @Override
    public String name() {
        return fixed ? "shift (" + dx + ", " + dy + ")" : "shift ±" + maxShift + " px";
    }
}
