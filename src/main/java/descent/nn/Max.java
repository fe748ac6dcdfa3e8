package descent.nn;

/**
 * The many-to-one "Max" row of Table 3.1: each example's output is the largest of all its inputs (a batch×1
 * result); backward copies the gradient to the maximal input and 0 to the others (first maximal input on a tie).
 * Max-pooling is this layer applied to each pooling window.
 */
public final class Max extends Maxout {
    public Max() {
        super(1);
    }

    @Override
    protected int groupSize(int cols) {
        return cols;
    }

    @Override
    public String name() {
        return "Max";
    }
}
