package descent.nn;

import descent.init.Init;
import org.ejml.data.DMatrixRMaj;

import java.util.List;
import java.util.Random;

/**
 * The parameters of a layer whose output is an input times W plus b: the weight W, fan-in × fan-out so that the
 * {@link Init} rules read the right fans (a {@link Param.Role#WEIGHT}), and one bias per output, 1 × fan-out (a
 * {@link Param.Role#BIAS}, never penalized by default). {@link Linear} and {@link Conv2d} each hold one; both start
 * at zero.
 */
final class AffineParams {

    final Param weight;
    final Param bias;

    /** Zero parameters {@code name.W} (fanIn × fanOut) and {@code name.b} (1 × fanOut). */
    AffineParams(String name, int fanIn, int fanOut) {
        this.weight = new Param(name + ".W", new DMatrixRMaj(fanIn, fanOut));
        this.bias = new Param(name + ".b", new DMatrixRMaj(1, fanOut), Param.Role.BIAS);
    }

    /** W from {@code init} with the seeded {@code rng}; the biases stay as they are. {@code layer} starts the error message. */
    void init(String layer, Init init, Random rng) {
        if (init == null || rng == null) {
            throw new IllegalArgumentException(layer + ": initialization needs a rule and a seeded Random, got "
                    + init + " and " + rng);
        }
        init.fill(weight.value(), rng);
    }

    /** W then b, the order {@link Layer#params()} lists them in. */
    List<Param> list() {
        return List.of(weight, bias);
    }
}
