package descent.nn;

import org.ejml.data.DMatrixRMaj;

import java.util.List;

/**
 * What every network does with a chain of layers, each with its own {@link Cache}, written once for
 * {@link Sequential} and for the trunk and heads of {@link MultitaskNetwork}: forward through the chain, backward
 * through it in reverse, the distinct parameters, the training/inference switch.
 */
final class Layers {

    private Layers() {
    }

    /** A fresh cache for each of {@code n} layers. */
    static Cache[] caches(int n) {
        Cache[] caches = new Cache[n];
        for (int i = 0; i < n; i++) {
            caches[i] = new Cache();
        }
        return caches;
    }

    /** z ← layer_i.forward(z, caches[i]) for i = 0, 1, …, starting from x; returns the last output. */
    static DMatrixRMaj forward(List<Layer> layers, Cache[] caches, DMatrixRMaj x) {
        DMatrixRMaj z = x;
        for (int i = 0; i < layers.size(); i++) {
            z = layers.get(i).forward(z, caches[i]);
        }
        return z;
    }

    /**
     * g ← layer_i.backward(g, caches[i]) for i = last, …, 0, starting from ∂L/∂output; returns ∂L/∂input when
     * {@code inputGradient} (the first layer is asked for it), otherwise null: a network's first layer needs none.
     */
    static DMatrixRMaj backward(List<Layer> layers, Cache[] caches, DMatrixRMaj gradOut, boolean inputGradient) {
        DMatrixRMaj g = gradOut;
        for (int i = layers.size() - 1; i >= 0; i--) {
            g = layers.get(i).backward(g, caches[i], i > 0 || inputGradient);
        }
        return g;
    }

    /** Appends each layer's tensors to {@code params}, skipping those already there (a shared tensor appears once). */
    static void addParams(List<Param> params, List<Layer> layers) {
        for (Layer l : layers) {
            for (Param p : l.params()) {
                if (!params.contains(p)) {
                    params.add(p);
                }
            }
        }
    }

    /** Training or inference mode for every layer (see {@link Layer#setTraining}). */
    static void setTraining(List<Layer> layers, boolean on) {
        for (Layer l : layers) {
            l.setTraining(on);
        }
    }

    /** Number of scalar entries of {@code params}. */
    static int size(List<Param> params) {
        return params.stream().mapToInt(Param::size).sum();
    }

    /** Row-wise argmax of a batch of scores, ties to the smallest index: the predicted classes. */
    static int[] argmax(DMatrixRMaj out) {
        int[] cls = new int[out.numRows];
        for (int i = 0; i < out.numRows; i++) {
            int best = 0;
            for (int j = 1; j < out.numCols; j++) {
                if (out.data[i * out.numCols + j] > out.data[i * out.numCols + best]) {
                    best = j;
                }
            }
            cls[i] = best;
        }
        return cls;
    }
}
