package descent.secondorder;

import descent.data.Dataset;
import descent.data.Synthetic;
import descent.init.Init;
import descent.nn.Linear;
import descent.nn.Sequential;
import descent.nn.SoftmaxCrossEntropy;
import descent.nn.Tanh;
import descent.nn.ParamsObjective;
import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.*;

class HessianFreeNetworkTest {

    /** A 2-16-2 tanh network on two spirals as a flat objective; Hv by eq. 3.51 (finite differences of backprop). */
    @Test
    void hessianFreeTrainsASmallNetwork() {
        Random rng = new Random(3);
        Dataset data = Synthetic.spirals(60, 2, 0.05, rng);
        Sequential net = new Sequential(new SoftmaxCrossEntropy(),
                new Linear("l1", 2, 16, Init.xavier(), rng), new Tanh(), new Linear("l2", 16, 2, Init.xavier(), rng));
        ParamsObjective objective = new ParamsObjective(net.params(), net.oracle(data.x(), data.labels()));
        double[] w0 = objective.read(new double[objective.dimension()]);
        double f0 = objective.value(w0);
        HessianFree hf = new HessianFree();
        Result r = hf.maxIterations(60).minimize(objective, w0);
        assertTrue(r.f() < 0.5 * f0, "loss " + f0 + " → " + r.f() + ": " + r);
        assertTrue(r.hessianVectorProducts() > 0);
        for (int k = 1; k < r.values().length; k++) {
            assertTrue(r.values()[k] <= r.values()[k - 1], "the loss never rises: step " + k);
        }
        objective.write(r.x());
        int[] predicted = net.predict(data.x());
        int right = 0;
        for (int i = 0; i < predicted.length; i++) {
            right += predicted[i] == data.labels()[i] ? 1 : 0;
        }
        assertTrue(right > 0.8 * predicted.length, "training accuracy " + right + "/" + predicted.length);
        System.out.println(r + "; accuracy " + right + "/" + predicted.length + "; CG steps " + hf.innerIterations());
    }
}
