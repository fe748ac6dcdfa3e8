package descent.regularize;

import descent.nn.Param;

import java.util.List;

/** Several tensors seen as one flat vector (in list order, row-major within a tensor), with buffers allocated once. */
final class Flat {

    final Param[] params;
    final int dimension;

    Flat(String owner, List<Param> params) {
        if (params == null || params.isEmpty()) {
            throw new IllegalArgumentException(owner + " needs at least one parameter, got " + params);
        }
        this.params = params.toArray(new Param[0]);
        int d = 0;
        for (Param p : this.params) {
            d += p.size();
        }
        this.dimension = d;
    }

    /** Copies the current values into {@code out}. */
    void gather(double[] out) {
        int at = 0;
        for (Param p : params) {
            System.arraycopy(p.value().data, 0, out, at, p.size());
            at += p.size();
        }
    }

    /** grad ← grad + c·g, tensor by tensor. */
    void addToGrad(double c, double[] g) {
        int at = 0;
        for (Param p : params) {
            double[] gr = p.grad().data;
            for (int j = 0, n = p.size(); j < n; j++) {
                gr[j] += c * g[at + j];
            }
            at += p.size();
        }
    }

    @Override
    public String toString() {
        return java.util.Arrays.toString(params);
    }
}
