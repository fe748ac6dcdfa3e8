package descent.init;

import org.ejml.data.DMatrixRMaj;

import java.util.Random;

/**
 * Weight initialisation rules, each filling a fan-in × fan-out matrix W (this library's orientation: column j holds
 * the incoming weights of unit j) from a seeded source. Same seed, same bits. Every rule built by a factory below
 * knows the variance it aims for, {@link #variance(int, int)}, and prints its formula ({@code toString}).
 *
 * <p>The rules of the texts, with r = fan-in, s = fan-out and the exact per-entry variance:
 * <table>
 *   <caption>rules</caption>
 *   <tr><th>factory</th><th>distribution</th><th>variance</th><th>source</th></tr>
 *   <tr><td>{@link #normal}(σ)</td><td>N(0, σ²), e.g. σ = 0.01</td><td>σ²</td>
 *       <td>Aggarwal §3.3.3; COMP541 lecture 4 ("0.01·randn")</td></tr>
 *   <tr><td>{@link #fanInNormal} = {@link #lecunNormal}</td><td>N(0, 1/r)</td><td>1/r</td>
 *       <td>Aggarwal §3.3.3; <b>the lecture's "Xavier"</b> (randn/√fan_in)</td></tr>
 *   <tr><td>{@link #fanInUniform}</td><td>U(−1/√r, 1/√r)</td><td><b>1/(3r)</b>, not 1/r</td>
 *       <td>Aggarwal §3.3.3; Goodfellow et al. §8.4</td></tr>
 *   <tr><td>{@link #lecunUniform}</td><td>U(−√(3/r), √(3/r))</td><td>1/r</td><td>Keras {@code lecun_uniform}</td></tr>
 *   <tr><td>{@link #glorotNormal} = {@link #xavier}</td><td>N(0, 2/(r+s))</td><td>2/(r+s)</td>
 *       <td>Aggarwal §3.3.3 (Glorot and Bengio 2010)</td></tr>
 *   <tr><td>{@link #glorotUniform} = {@link #xavierUniform}</td><td>U(±√(6/(r+s)))</td><td>2/(r+s)</td>
 *       <td>Goodfellow et al. eq. 8.23 ("normalized initialization")</td></tr>
 *   <tr><td>{@link #heNormal} = {@link #he}</td><td>N(0, 2/r)</td><td>2/r</td>
 *       <td>He et al. 2015; the lecture (randn/√(fan_in/2)); <em>beyond Aggarwal</em>, who only cites the paper</td></tr>
 *   <tr><td>{@link #heUniform}</td><td>U(±√(6/r))</td><td>2/r</td><td>He et al. 2015</td></tr>
 *   <tr><td>{@link #uniform}(a)</td><td>U(−a, a), e.g. Keras RandomUniform a = 0.05</td><td>a²/3</td><td>Keras</td></tr>
 *   <tr><td>{@link #truncatedNormal}(σ)</td><td>N(0, σ²) redrawn outside ±2σ</td><td>0.7737·σ²</td>
 *       <td>Keras TruncatedNormal</td></tr>
 *   <tr><td>{@link #varianceScaling}</td><td>variance scale/n, n = r, s or (r+s)/2</td><td>scale/n</td>
 *       <td>Keras VarianceScaling: the family the fan-based rules belong to</td></tr>
 *   <tr><td>{@link #orthogonal}(g)</td><td>g × a random matrix with orthonormal columns (or rows)</td>
 *       <td>g²/max(r, s)</td><td>Saxe et al. 2013, Goodfellow et al. §8.4</td></tr>
 *   <tr><td>{@link #sparse}(k, σ)</td><td>k non-zero N(0, σ²) weights per unit</td><td>kσ²/r</td>
 *       <td>Martens 2010, Goodfellow et al. §8.4</td></tr>
 *   <tr><td>{@link #identity}(g)</td><td>g·I (rectangular: ones on the diagonal)</td><td>g²·min(r,s)/(rs)</td>
 *       <td>Keras Identity</td></tr>
 *   <tr><td>{@link #constant}(c)</td><td>every entry c: breaks no symmetry</td><td>0</td><td>Aggarwal §3.3.3</td></tr>
 * </table>
 *
 * <p><b>Names.</b> "Xavier" means two different things in the sources: Aggarwal and Glorot's paper use it for
 * N(0, 2/(r+s)), while the COMP541 lecture's code labelled "Xavier" divides randn by √fan_in, i.e. N(0, 1/r). This
 * library names rules by their formula: {@code glorotNormal} is the first, {@code fanInNormal} (also called LeCun
 * normal) the second; {@code xavier()} is kept as another name for {@code glorotNormal()}.
 *
 * <p>Every rule refuses a matrix with fan-in or fan-out 0, naming the shape.
 */
@FunctionalInterface
public interface Init {

    /** Fills {@code w} (fanIn × fanOut) in row-major order. */
    void fill(DMatrixRMaj w, Random rng);

    /** The per-entry variance this rule aims for with the given fans, or NaN if the rule does not say. */
    default double variance(int fanIn, int fanOut) {
        return Double.NaN;
    }

    /** How the three fan-based modes of {@link #varianceScaling} count units. */
    enum Mode {
        /** n = r: keeps the forward variance (LeCun, He). */
        FAN_IN,
        /** n = s: keeps the backward variance. */
        FAN_OUT,
        /** n = (r + s)/2: Glorot's compromise between the two. */
        FAN_AVG
    }

    /** The distribution of {@link #varianceScaling}. */
    enum Distribution { NORMAL, TRUNCATED_NORMAL, UNIFORM }

    /** N(0, σ²) with a fixed σ such as 10⁻², independent of the fan-in (Aggarwal §3.3.3). */
    static Init normal(double std) {
        Rule.requirePositive(std, "std");
        return new Rule("N(0, " + std + "²)", (r, s) -> std * std, (w, rng) -> Rule.gaussian(w, std, rng));
    }

    /** U(−a, a); variance a²/3. */
    static Init uniform(double limit) {
        Rule.requirePositive(limit, "limit");
        return new Rule("U(−" + limit + ", " + limit + ")", (r, s) -> limit * limit / 3,
                (w, rng) -> Rule.uniform(w, limit, rng));
    }

    /** N(0, σ²) with every draw outside ±2σ drawn again (Keras TruncatedNormal); variance ≈ 0.7737σ². */
    static Init truncatedNormal(double std) {
        Rule.requirePositive(std, "std");
        return new Rule("N(0, " + std + "²) truncated at ±2σ", (r, s) -> std * std * Rule.TRUNCATED_VARIANCE,
                (w, rng) -> Rule.truncated(w, std, rng));
    }

    /** N(0, 1/r): a unit's output variance no longer grows with its fan-in r (Aggarwal §3.3.3). */
    static Init fanInNormal() {
        return new Rule("N(0, 1/fan_in)", (r, s) -> 1.0 / r, (w, rng) -> Rule.gaussian(w, Math.sqrt(1.0 / w.numRows), rng));
    }

    /** Another name for {@link #fanInNormal()}; the COMP541 lecture calls this rule "Xavier". */
    static Init lecunNormal() {
        return fanInNormal();
    }

    /** U(−1/√r, 1/√r) (Aggarwal §3.3.3, Goodfellow et al. §8.4). Its variance is 1/(3r), not 1/r. */
    static Init fanInUniform() {
        return new Rule("U(±1/√fan_in)", (r, s) -> 1.0 / (3.0 * r),
                (w, rng) -> Rule.uniform(w, 1.0 / Math.sqrt(w.numRows), rng));
    }

    /** U(±√(3/r)): the uniform rule with variance 1/r. */
    static Init lecunUniform() {
        return new Rule("U(±√(3/fan_in))", (r, s) -> 1.0 / r, (w, rng) -> Rule.uniform(w, Math.sqrt(3.0 / w.numRows), rng));
    }

    /** Glorot and Bengio's normal rule N(0, 2/(r + s)) (Aggarwal §3.3.3). */
    static Init glorotNormal() {
        return new Rule("N(0, 2/(fan_in + fan_out))", (r, s) -> 2.0 / (r + s),
                (w, rng) -> Rule.gaussian(w, Math.sqrt(2.0 / (w.numRows + w.numCols)), rng));
    }

    /** Goodfellow et al. eq. 8.23: U(±√(6/(m + n))), variance 2/(m + n). */
    static Init glorotUniform() {
        return new Rule("U(±√(6/(fan_in + fan_out)))", (r, s) -> 2.0 / (r + s),
                (w, rng) -> Rule.uniform(w, Math.sqrt(6.0 / (w.numRows + w.numCols)), rng));
    }

    /** Same as {@link #glorotNormal()} (Aggarwal's "Xavier"; not the lecture's, see the class comment). */
    static Init xavier() {
        return glorotNormal();
    }

    /** Same as {@link #glorotUniform()}. */
    static Init xavierUniform() {
        return glorotUniform();
    }

    /** He et al. (2015) N(0, 2/r), for ReLU networks; beyond Aggarwal's chapter. */
    static Init heNormal() {
        return new Rule("N(0, 2/fan_in)", (r, s) -> 2.0 / r, (w, rng) -> Rule.gaussian(w, Math.sqrt(2.0 / w.numRows), rng));
    }

    /** Same as {@link #heNormal()}. */
    static Init he() {
        return heNormal();
    }

    /** U(±√(6/r)): He's variance 2/r from a uniform draw. */
    static Init heUniform() {
        return new Rule("U(±√(6/fan_in))", (r, s) -> 2.0 / r, (w, rng) -> Rule.uniform(w, Math.sqrt(6.0 / w.numRows), rng));
    }

    /**
     * Keras's VarianceScaling: per-entry variance {@code scale/n}, n from {@code mode}. The truncated normal is
     * widened by 1/0.8796 so that, after cutting at ±2σ, its variance is still scale/n (the convention of current
     * Keras; Keras 2.x's "normal" was truncated without that correction). Glorot, He and LeCun are members:
     * (1, FAN_AVG, UNIFORM) is {@link #glorotUniform}, (2, FAN_IN, NORMAL) is {@link #heNormal}.
     */
    static Init varianceScaling(double scale, Mode mode, Distribution distribution) {
        Rule.requirePositive(scale, "scale");
        if (mode == null || distribution == null) {
            throw new IllegalArgumentException("varianceScaling needs a mode and a distribution, got " + mode + ", " + distribution);
        }
        Rule.Fans n = (r, s) -> switch (mode) {
            case FAN_IN -> r;
            case FAN_OUT -> s;
            case FAN_AVG -> (r + s) / 2.0;
        };
        return new Rule("VarianceScaling(" + scale + ", " + mode + ", " + distribution + ")",
                (r, s) -> scale / n.of(r, s), (w, rng) -> {
            double v = scale / n.of(w.numRows, w.numCols);
            switch (distribution) {
                case NORMAL -> Rule.gaussian(w, Math.sqrt(v), rng);
                case TRUNCATED_NORMAL -> Rule.truncated(w, Math.sqrt(v / Rule.TRUNCATED_VARIANCE), rng);
                case UNIFORM -> Rule.uniform(w, Math.sqrt(3 * v), rng);
            }
        });
    }

    /**
     * Saxe et al. (2013): g·Q with Q a random matrix with orthonormal columns (fan-in ≥ fan-out) or orthonormal rows
     * (fan-in &lt; fan-out), Haar-distributed: the QR factors of a Gaussian matrix, with the signs of R's diagonal
     * moved into Q. The QR comes from EJML.
     */
    static Init orthogonal(double gain) {
        Rule.requirePositive(gain, "gain");
        return new Rule("orthogonal × " + gain, (r, s) -> gain * gain / Math.max(r, s), (w, rng) -> Orthogonal.fill(w, gain, rng));
    }

    /**
     * Sparse initialisation (Martens 2010, Goodfellow et al. §8.4): each unit (column) gets exactly k non-zero
     * weights N(0, σ²) at k distinct inputs chosen at random; the rest are 0. The total input to a unit then does
     * not shrink as the fan-in grows, without making the individual weights tiny.
     */
    static Init sparse(int k, double std) {
        if (k < 1) {
            throw new IllegalArgumentException("sparse initialisation needs k ≥ 1 non-zero weights per unit, got " + k);
        }
        Rule.requirePositive(std, "std");
        return new Rule("sparse: " + k + " weights N(0, " + std + "²) per unit", (r, s) -> k * std * std / r, (w, rng) -> {
            if (k > w.numRows) {
                throw new IllegalArgumentException("sparse initialisation: k = " + k + " non-zero weights per unit but the fan-in is "
                        + w.numRows + " (weight matrix " + w.numRows + "x" + w.numCols + ")");
            }
            Rule.sparse(w, k, std, rng);
        });
    }

    /** g·I: ones on the main diagonal of the (possibly rectangular) matrix, times g (Keras Identity). */
    static Init identity(double gain) {
        Rule.requirePositive(gain, "gain");
        return new Rule(gain + "·I", (r, s) -> gain * gain * Math.min(r, s) / ((double) r * s), (w, rng) -> {
            java.util.Arrays.fill(w.data, 0, w.getNumElements(), 0.0);
            for (int i = 0; i < Math.min(w.numRows, w.numCols); i++) {
                w.set(i, i, gain);
            }
        });
    }

    /** Every entry c. With c = 0 or any constant, hidden units stay identical under gradient descent (no symmetry breaking). */
    static Init constant(double c) {
        if (!Double.isFinite(c)) {
            throw new IllegalArgumentException("constant initialisation needs a finite value, got " + c);
        }
        return new Rule("constant " + c, (r, s) -> 0.0, (w, rng) -> java.util.Arrays.fill(w.data, 0, w.getNumElements(), c));
    }
}
