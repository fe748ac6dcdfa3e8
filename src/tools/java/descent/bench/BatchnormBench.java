package descent.bench;

/**
 * {@link BackpropBench} with batch normalization: forward + backward of 784-256-128-10 with each hidden layer
 * linear → {@code BatchNorm} (training mode, PyTorch's defaults) → ReLU, batches of 128, float64, one thread, against
 * {@code torch.nn.BatchNorm1d} in the same network ({@code src/bench/python/backprop_torch.py ... bn}) in the same run.
 * Same arguments as {@link BackpropBench}: {@code OPENBLAS_NUM_THREADS=1 ./descent bench batchnorm [warmup] [iterations]
 * [repeats] [rounds]}.
 */
public final class BatchnormBench {

    private BatchnormBench() {
    }

    public static void main(String[] args) throws Exception {
        BackpropBench.run(args, true);
    }
}
