package descent.nn;

import java.util.Random;

/**
 * A layer that draws random numbers while training (dropout and its relatives, stochastic pooling). The state it
 * checkpoints besides its parameters is its generator's exact state ({@link Layer#writeRandom}), so that a resumed
 * run draws what the uninterrupted run would have drawn. Each layer saves its own copy: two layers sharing one
 * generator would come back with two, so give each layer a generator of its own.
 */
public interface RandomizedLayer extends Layer {

    /** The generator the layer draws from. */
    Random generator();

    /** Replaces the generator (restoring a checkpoint does this). */
    void setGenerator(Random rng);

    /** For {@link #setGenerator}: {@code rng}, or a clear error naming the layer when it is null. */
    static Random requireGenerator(Layer layer, Random rng) {
        if (rng == null) {
            throw new IllegalArgumentException(layer.name() + ": the generator is null");
        }
        return rng;
    }

    @Override
    default void writeState(java.io.DataOutput out) throws java.io.IOException {
        Layer.writeRandom(out, generator());
    }

    @Override
    default void readState(java.io.DataInput in, String source) throws java.io.IOException {
        setGenerator(Layer.readRandom(this, in, source));
    }
}
