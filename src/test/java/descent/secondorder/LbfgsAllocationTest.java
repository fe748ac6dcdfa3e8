package descent.secondorder;

import descent.functions.Rosenbrock;
import org.junit.jupiter.api.Test;

import java.lang.management.ManagementFactory;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code Objective}'s contract says minimizers do not allocate per iteration. L-BFGS at d = 1000 used to allocate
 * ~68 KiB per iteration (a copy of the pair lists, a new direction, new trial points in the line search, copies on
 * accept, the recorded path). The cost of an iteration is measured as the difference between runs of 30 and 10
 * iterations, so the one-off buffers of a run (2(m + 1) vectors) cancel.
 */
class LbfgsAllocationTest {

    private static long allocated(Runnable r) {
        var bean = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long tid = Thread.currentThread().getId();
        long before = bean.getThreadAllocatedBytes(tid);
        r.run();
        return bean.getThreadAllocatedBytes(tid) - before;
    }

    @Test
    void anIterationAtD1000AllocatesNothingOfSizeD() {
        Rosenbrock f = new Rosenbrock(1000);
        double[] x0 = f.start();
        Runnable shortRun = () -> new LBFGS(10).gradientTolerance(0).maxIterations(10).minimize(f, x0);
        Runnable longRun = () -> new LBFGS(10).gradientTolerance(0).maxIterations(30).minimize(f, x0);
        for (int warm = 0; warm < 300; warm++) {
            shortRun.run();
            longRun.run();
        }
        long best = Long.MAX_VALUE;
        for (int trial = 0; trial < 5; trial++) { // the least disturbed of a few measurements
            best = Math.min(best, (allocated(longRun) - allocated(shortRun)) / 20);
        }
        // one vector of d = 1000 doubles is 8 KiB; measured 288 bytes: the small records of a line search (its state,
        // the step record, two lambdas)
        assertTrue(best < 512, "an L-BFGS iteration at d = 1000 allocated " + best + " bytes");
        System.out.println("L-BFGS bytes per iteration at d = 1000: " + best);
    }
}
