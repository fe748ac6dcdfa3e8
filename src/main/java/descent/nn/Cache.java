package descent.nn;

import org.ejml.data.DMatrixRMaj;

/**
 * What one layer remembers between its forward and its backward pass (CS231n style: the cache is explicit),
 * plus the buffers it writes into. Buffers are reshaped, not reallocated, so after the first batch of a given
 * size a training step allocates nothing.
 *
 * <p>One cache belongs to one use of a layer: a layer applied twice in a network (shared weights, §3.2.9)
 * gets two caches.
 */
public final class Cache {

    private DMatrixRMaj input;
    private final DMatrixRMaj output = new DMatrixRMaj(1, 1);
    private final DMatrixRMaj gradInput = new DMatrixRMaj(1, 1);
    private final DMatrixRMaj[] buffers = new DMatrixRMaj[4];
    private int[] indices = new int[0];

    /** The input of the last forward pass (a reference, not a copy: the caller must not change it before backward). */
    public DMatrixRMaj input() {
        if (input == null) {
            throw new IllegalStateException("backward called before forward: the cache holds no input");
        }
        return input;
    }

    public void setInput(DMatrixRMaj x) {
        this.input = x;
    }

    /** The forward output buffer, reshaped to rows×cols (contents unspecified after a reshape). */
    public DMatrixRMaj output(int rows, int cols) {
        output.reshape(rows, cols, false);
        return output;
    }

    /** The last forward output. */
    public DMatrixRMaj output() {
        return output;
    }

    /** The buffer for ∂L/∂input, reshaped to rows×cols. */
    public DMatrixRMaj gradInput(int rows, int cols) {
        gradInput.reshape(rows, cols, false);
        return gradInput;
    }

    /** A scratch matrix in slot 0–3, reshaped to rows×cols. */
    public DMatrixRMaj buffer(int slot, int rows, int cols) {
        if (buffers[slot] == null) {
            buffers[slot] = new DMatrixRMaj(rows, cols);
        } else {
            buffers[slot].reshape(rows, cols, false);
        }
        return buffers[slot];
    }

    /** An int scratch array of at least n entries (argmax positions for max and maxout). */
    public int[] indices(int n) {
        if (indices.length < n) {
            indices = new int[n];
        }
        return indices;
    }
}
