package descent.augment;

import java.util.List;
import java.util.Random;

/**
 * Transforms applied one after another, T = T_k ∘ … ∘ T₁ (T₁ first). It may change the class if any step may. The
 * intermediate images live in two scratch buffers, allocated on the first call for an image size and reused after.
 */
public final class Compose implements Augmentation {

    private final Augmentation[] steps;
    private double[] a = new double[0];
    private double[] b = new double[0];

    public Compose(Augmentation... steps) {
        if (steps == null || steps.length == 0) {
            throw new IllegalArgumentException("Compose needs at least one transform, got none");
        }
        for (int i = 0; i < steps.length; i++) {
            if (steps[i] == null) {
                throw new IllegalArgumentException("Compose: transform " + (i + 1) + " of " + steps.length + " is null");
            }
        }
        this.steps = steps.clone();
    }

    public List<Augmentation> steps() {
        return List.of(steps);
    }

    @Override
    public void apply(double[] in, int inOffset, double[] out, int outOffset, int height, int width, Random rng) {
        int n = height * width;
        if (steps.length == 1) {
            steps[0].apply(in, inOffset, out, outOffset, height, width, rng);
            return;
        }
        if (a.length < n) {
            a = new double[n];
            b = new double[n];
        }
        double[] src = in, dst = a;
        int srcOff = inOffset;
        for (int s = 0; s < steps.length; s++) {
            boolean last = s == steps.length - 1;
            double[] target = last ? out : dst;
            steps[s].apply(src, srcOff, target, last ? outOffset : 0, height, width, rng);
            src = target;
            srcOff = 0;
            dst = dst == a ? b : a;
        }
    }

    @Override
    public void requireFits(int height, int width) {
        for (Augmentation s : steps) {
            s.requireFits(height, width);
        }
    }

    @Override
    public boolean mayChangeClass() {
        for (Augmentation s : steps) {
            if (s.mayChangeClass()) {
                return true;
            }
        }
        return false;
    }

    @Override
    public String name() {
        StringBuilder sb = new StringBuilder();
        for (Augmentation s : steps) {
            sb.append(sb.length() == 0 ? "" : " + ").append(s.name());
        }
        return sb.toString();
    }
}
