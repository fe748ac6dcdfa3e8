package descent.train;

import descent.data.Dataset;
import descent.init.Init;
import descent.nn.Layer;
import descent.nn.Linear;
import descent.nn.ReLU;
import descent.nn.Sequential;
import descent.nn.SoftmaxCrossEntropy;
import descent.nn.norm.BatchNorm;
import descent.optim.AdamW;
import descent.optim.Optimizer;
import descent.optim.Schedule;
import descent.regularize.dropout.Dropout;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * The course's pieces put together to train a classifier on Fashion-MNIST (the capstone, notebook 39 and
 * {@code ./descent train}): a multilayer perceptron 784-h₁-…-10 with He initialization (chapter 04, Aggarwal §3.3.3),
 * batch normalization before each ReLU (chapter 08, Aggarwal §3.6), AdamW (chapter 02's Adam, Goodfellow et al.
 * Alg. 8.7, with chapter 05's decoupled weight decay) under a short linear warm-up and a cosine schedule, minibatches
 * reshuffled every epoch (Goodfellow et al. §8.1.3), and early stopping on a held-out validation split (chapter 06,
 * Goodfellow et al. Alg. 7.1, watching the validation error rate) that keeps the parameters with the fewest validation errors.
 * <pre>{@code
 * Recipe r = Recipe.defaults().withEpochs(3);
 * Sequential net = r.network(new Random(r.seed() + 1));
 * Optimizer opt = r.optimizer(net);
 * EarlyStopping stop = r.earlyStopping(net, train.size());
 * History h = r.trainer(net, opt, stop, train.size(), new Random(r.seed() + 2)).fit(train, validation);
 * }</pre>
 * The three seeded sources are {@link #seed()} (the validation split), seed + 1 (initialization) and seed + 2
 * (shuffling): the same seed gives the same bits on one thread.
 *
 * @param hidden       the hidden layer widths, e.g. {256, 128}
 * @param batchNorm    batch normalization between each hidden linear layer and its ReLU
 * @param keep         dropout's keep probability p after each hidden ReLU (inverted dropout, chapter 07); 1 for none
 * @param epochs       passes over the training part
 * @param batchSize    minibatch size m
 * @param learningRate the peak ε of the schedule
 * @param weightDecay  PyTorch's {@code weight_decay} of AdamW (the decay per step is ε·weightDecay)
 * @param warmupEpochs epochs of linear warm-up before the cosine decay (0 for none)
 * @param patience     early stopping's p, in epochs without a lower validation error rate
 * @param validation   examples held out of the 60 000 training images for early stopping and model selection
 * @param seed         the seed of every random choice
 */
public record Recipe(int[] hidden, boolean batchNorm, double keep, int epochs, int batchSize, double learningRate, double weightDecay,
                     int warmupEpochs, int patience, int validation, long seed) {

    public Recipe {
        if (hidden == null || hidden.length == 0 || Arrays.stream(hidden).anyMatch(h -> h < 1)) {
            throw new IllegalArgumentException("Recipe: hidden widths must be ≥ 1, got " + Arrays.toString(hidden));
        }
        hidden = hidden.clone();
        if (!(keep > 0 && keep <= 1)) {
            throw new IllegalArgumentException("Recipe: dropout's keep probability must lie in (0, 1], got " + keep);
        }
        if (epochs < 1 || batchSize < 2 || patience < 1 || validation < 1 || warmupEpochs < 0 || warmupEpochs >= epochs) {
            throw new IllegalArgumentException("Recipe needs epochs ≥ 1, batch size ≥ 2, patience ≥ 1, validation ≥ 1 and "
                    + "0 ≤ warm-up epochs < epochs, got epochs " + epochs + ", batch " + batchSize + ", patience " + patience
                    + ", validation " + validation + ", warm-up " + warmupEpochs);
        }
        if (!(learningRate > 0 && Double.isFinite(learningRate)) || !(weightDecay >= 0 && Double.isFinite(weightDecay))) {
            throw new IllegalArgumentException("Recipe needs a finite learning rate > 0 and weight decay ≥ 0, got "
                    + learningRate + " and " + weightDecay);
        }
    }

    /**
     * The defaults of {@code ./descent train}: 784-512-256-10 with batch norm and dropout (keep 0.8), 20 epochs of 128,
     * ε = 2·10⁻³.
     */
    public static Recipe defaults() {
        return new Recipe(new int[]{512, 256}, true, 0.8, 20, 128, 2e-3, 1e-4, 1, 6, 6000, 1);
    }

    public Recipe withEpochs(int e) {
        return new Recipe(hidden, batchNorm, keep, e, batchSize, learningRate, weightDecay, Math.min(warmupEpochs, e - 1),
                patience, validation, seed);
    }

    @Override
    public int[] hidden() {
        return hidden.clone();
    }

    /**
     * 784-h₁-…-10 with ReLU, batch norm before each ReLU and dropout after it if asked, He-initialized weights and zero
     * biases; each dropout layer draws its masks from its own generator, seeded from {@code rng}.
     */
    public Sequential network(Random rng) {
        List<Layer> layers = new ArrayList<>();
        int in = 784;
        for (int i = 0; i < hidden.length; i++) {
            layers.add(new Linear("fc" + (i + 1), in, hidden[i], Init.he(), rng));
            if (batchNorm) {
                layers.add(BatchNorm.pytorch("bn" + (i + 1), hidden[i]));
            }
            layers.add(new ReLU());
            if (keep < 1) {
                // each layer its own generator: a checkpoint saves every layer's state separately
                layers.add(Dropout.inverted(keep, new Random(rng.nextLong())));
            }
            in = hidden[i];
        }
        layers.add(new Linear("fc" + (hidden.length + 1), in, 10, Init.xavier(), rng));
        return new Sequential(new SoftmaxCrossEntropy(), layers.toArray(new Layer[0]));
    }

    /** AdamW with PyTorch's conventions: {@code torch.optim.AdamW(lr=learningRate, weight_decay=weightDecay)}. */
    public Optimizer optimizer(Sequential net) {
        return AdamW.withPyTorchWeightDecay(net.params(), learningRate, weightDecay);
    }

    /** Steps per epoch on a training part of {@code n} examples. */
    public int stepsPerEpoch(int n) {
        return (n + batchSize - 1) / batchSize;
    }

    /** Linear warm-up over {@link #warmupEpochs()} epochs ({@link Schedule#warmup}) on a cosine decay to 0 at the last step. */
    public Schedule schedule(int trainingSize) {
        long per = stepsPerEpoch(trainingSize), total = per * epochs, warm = per * warmupEpochs;
        Schedule cosine = Schedule.cosine(learningRate, 0, total);
        return warm == 0 ? cosine : Schedule.warmup(warm, cosine);
    }

    /** Early stopping evaluated once per epoch with patience {@link #patience()}, keeping batch norm's statistics with θ*. */
    public EarlyStopping earlyStopping(Sequential net, int trainingSize) {
        return new EarlyStopping(net.params(), stepsPerEpoch(trainingSize), patience).withLayerStateOf(net);
    }

    /** The trainer with the schedule, early stopping on the validation error rate and a training-set measurement as large as the validation split. */
    public Trainer trainer(Sequential net, Optimizer optimizer, EarlyStopping stop, int trainingSize, Random shuffle) {
        return new Trainer(net, optimizer, shuffle).batchSize(batchSize).epochs(epochs).schedule(schedule(trainingSize))
                .earlyStopping(stop).monitorValidationError().trainingEvaluationSize(validation);
    }

    /**
     * The confusion matrix: entry [t][p] counts the examples of true class t predicted as p (rows true, columns
     * predicted, as {@code descent.plot.Figure.confusion} draws it).
     */
    public static int[][] confusion(int[] truth, int[] predicted, int classes) {
        if (truth.length != predicted.length) {
            throw new IllegalArgumentException("confusion: " + truth.length + " true labels but " + predicted.length
                    + " predictions");
        }
        int[][] c = new int[classes][classes];
        for (int i = 0; i < truth.length; i++) {
            if (truth[i] < 0 || truth[i] >= classes || predicted[i] < 0 || predicted[i] >= classes) {
                throw new IllegalArgumentException("confusion: example " + i + " has label " + truth[i] + " and prediction "
                        + predicted[i] + ", outside 0 … " + (classes - 1));
            }
            c[truth[i]][predicted[i]]++;
        }
        return c;
    }

    /** The predicted class of every example of {@code data}, in inference mode, 1000 rows at a time. */
    public static int[] predict(Sequential net, Dataset data) {
        boolean was = net.isTraining();
        net.setTraining(false);
        try {
            int n = data.size(), chunk = Math.min(1000, n);
            int[] idx = new int[n], out = new int[n];
            for (int i = 0; i < n; i++) {
                idx[i] = i;
            }
            org.ejml.data.DMatrixRMaj x = new org.ejml.data.DMatrixRMaj(chunk, data.features());
            int[] y = new int[chunk];
            for (int from = 0; from < n; from += chunk) {
                int c = Math.min(chunk, n - from);
                if (c != x.numRows) {
                    x = new org.ejml.data.DMatrixRMaj(c, data.features());
                    y = new int[c];
                }
                data.gather(idx, from, c, x, y);
                System.arraycopy(net.predict(x), 0, out, from, c);
            }
            return out;
        } finally {
            net.setTraining(was);
        }
    }
}
