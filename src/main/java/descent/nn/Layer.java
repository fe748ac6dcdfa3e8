package descent.nn;

import org.ejml.data.DMatrixRMaj;

import java.util.List;

/**
 * One stage of the decoupled, vector-centric view of backpropagation (Aggarwal §3.2.6, Table 3.1), batch-major:
 * row i of every matrix is example i of the mini-batch.
 *
 * <p>{@code forward} computes z_{i+1} from z_i and leaves in the cache what {@code backward} needs;
 * {@code backward} receives g_{i+1} = ∂L/∂z_{i+1}, <em>adds</em> ∂L/∂θ to each parameter's gradient (so copies
 * of a shared weight sum, §3.2.9) and, when asked, returns g_i = ∂L/∂z_i. Returned matrices are buffers owned by
 * the cache: valid until the next call with that cache.
 */
public interface Layer {

    /** A short name used in error messages, e.g. {@code "fc1 (Linear 784→256)"}. */
    String name();

    /** z_{i+1} = layer(z_i), with {@code x} of shape batch×inputs. */
    DMatrixRMaj forward(DMatrixRMaj x, Cache cache);

    /**
     * Accumulates parameter gradients and returns ∂L/∂x (batch×inputs), or null when
     * {@code needInputGradient} is false (the first layer of a network needs no input gradient).
     */
    DMatrixRMaj backward(DMatrixRMaj gradOut, Cache cache, boolean needInputGradient);

    /**
     * Switches between training mode (the default) and inference mode. Only layers whose forward pass differs between
     * the two care (batch normalization uses the batch's statistics when training and fixed running statistics at
     * inference, Aggarwal §3.6); for the others this does nothing.
     */
    default void setTraining(boolean training) {
    }

    /**
     * Writes the state besides {@link #params()} that the layer's output depends on (batch normalization's running
     * statistics; a layer that draws random numbers, its generator), for checkpoints. Nothing by default.
     */
    default void writeState(java.io.DataOutput out) throws java.io.IOException {
    }

    /** Reads back what {@link #writeState} wrote, into this layer; {@code source} names the file in messages. */
    default void readState(java.io.DataInput in, String source) throws java.io.IOException {
    }

    /**
     * For {@link #writeState} of a layer that draws random numbers: the generator's exact state (java.util.Random's own
     * serialized form), length-prefixed, so that a resumed run draws what the uninterrupted run would have drawn.
     */
    static void writeRandom(java.io.DataOutput out, java.util.Random rng) throws java.io.IOException {
        java.io.ByteArrayOutputStream b = new java.io.ByteArrayOutputStream();
        try (java.io.ObjectOutputStream o = new java.io.ObjectOutputStream(b)) {
            o.writeObject(rng);
        }
        out.writeInt(b.size());
        out.write(b.toByteArray());
    }

    /**
     * Reads back what {@link #writeRandom} wrote. Only a {@code java.util.Random} is accepted from the stream (no other
     * class is deserialized); {@code source} names the file and the layer's name goes into the messages.
     */
    static java.util.Random readRandom(Layer layer, java.io.DataInput in, String source) throws java.io.IOException {
        byte[] bytes = new byte[in.readInt()];
        in.readFully(bytes);
        try (java.io.ObjectInputStream o = new java.io.ObjectInputStream(new java.io.ByteArrayInputStream(bytes)) {
            @Override
            protected Class<?> resolveClass(java.io.ObjectStreamClass desc) throws java.io.IOException, ClassNotFoundException {
                if (!desc.getName().equals(java.util.Random.class.getName())) {
                    throw new java.io.InvalidClassException(desc.getName(),
                            "the state of layer " + layer.name() + " may only hold java.util.Random");
                }
                return super.resolveClass(desc);
            }
        }) {
            return (java.util.Random) o.readObject();
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(source + ": " + layer.name() + ": " + e.getMessage(), e);
        }
    }

    /** The trainable tensors; empty for parameter-free layers. */
    default List<Param> params() {
        return List.of();
    }

    /** Throws the standard shape message when {@code actual} is not rows×cols (a negative size means "any"). */
    static void requireShape(Layer layer, String what, DMatrixRMaj actual, int rows, int cols) {
        if ((rows >= 0 && actual.numRows != rows) || (cols >= 0 && actual.numCols != cols)) {
            throw new IllegalArgumentException(String.format("layer %s: %s has shape %dx%d but %s was expected",
                    layer.name(), what, actual.numRows, actual.numCols,
                    (rows < 0 ? "N" : String.valueOf(rows)) + "x" + (cols < 0 ? "N" : String.valueOf(cols))));
        }
    }

    /**
     * The backward pass of a layer h = m ⊙ x whose forward pass kept the multiplier m (a dropout mask, multiplicative
     * noise) in {@code cache.buffer(slot, ·)}: checks that ∂L/∂h has the input's shape, then writes ∂L/∂x = m ⊙ ∂L/∂h
     * (the same m) into the cache's input-gradient buffer. Null unless {@code needInputGradient}.
     */
    static DMatrixRMaj backwardTimesMultiplier(Layer layer, DMatrixRMaj gradOut, Cache cache, boolean needInputGradient,
                                               int slot) {
        if (!needInputGradient) {
            return null;
        }
        DMatrixRMaj g = sameShapeGradient(layer, gradOut, cache);
        DMatrixRMaj m = cache.buffer(slot, g.numRows, g.numCols);
        for (int i = 0, n = g.getNumElements(); i < n; i++) {
            g.data[i] = m.data[i] * gradOut.data[i];
        }
        return g;
    }

    /**
     * The backward pass of a layer h = x + ε whose ε does not depend on x (additive noise): checks that ∂L/∂h has the
     * input's shape, then copies it as ∂L/∂x into the cache's input-gradient buffer. Null unless
     * {@code needInputGradient}.
     */
    static DMatrixRMaj backwardPassThrough(Layer layer, DMatrixRMaj gradOut, Cache cache, boolean needInputGradient) {
        if (!needInputGradient) {
            return null;
        }
        DMatrixRMaj g = sameShapeGradient(layer, gradOut, cache);
        System.arraycopy(gradOut.data, 0, g.data, 0, g.getNumElements());
        return g;
    }

    /** The cache's input-gradient buffer, input-shaped, once {@code gradOut} is checked to have the input's shape. */
    private static DMatrixRMaj sameShapeGradient(Layer layer, DMatrixRMaj gradOut, Cache cache) {
        DMatrixRMaj in = cache.input();
        requireShape(layer, "the gradient", gradOut, in.numRows, in.numCols);
        return cache.gradInput(in.numRows, in.numCols);
    }
}
