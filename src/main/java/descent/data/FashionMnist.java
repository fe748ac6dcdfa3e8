package descent.data;

import org.ejml.data.DMatrixRMaj;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * Fashion-MNIST (Xiao, Rasul and Vollgraf 2017): 28×28 grey images of 10 kinds of clothing, 60,000 for training and
 * 10,000 for testing, in the IDX format of MNIST (big-endian magic 0x00000803 for images, 0x00000801 for labels,
 * then the dimensions, then unsigned bytes), gzipped. Pixels are scaled to [0, 1] and each image is one row of 784.
 * Errors name the file and what was wrong with it.
 */
public final class FashionMnist {

    /** Where the Debian-style install keeps the four files. */
    public static final Path DEFAULT_DIR = Path.of("/usr/share/datasets/fashion-mnist");

    /** The Debian package that installs the files in {@link #DEFAULT_DIR}. */
    public static final String DEBIAN_PACKAGE = "dataset-fashion-mnist";

    public static final String[] CLASS_NAMES = {"T-shirt/top", "Trouser", "Pullover", "Dress", "Coat", "Sandal",
            "Shirt", "Sneaker", "Bag", "Ankle boot"};

    private FashionMnist() {
    }

    /** The first {@code limit} training examples from {@link #DEFAULT_DIR}. */
    public static Dataset train(int limit) {
        return load(DEFAULT_DIR, true, limit);
    }

    /** The first {@code limit} test examples from {@link #DEFAULT_DIR}. */
    public static Dataset test(int limit) {
        return load(DEFAULT_DIR, false, limit);
    }

    /**
     * Reads {@code train-images-idx3-ubyte.gz}/{@code train-labels-idx1-ubyte.gz} (or the {@code t10k-} pair) from
     * {@code dir}, keeping the first {@code limit} examples.
     */
    public static Dataset load(Path dir, boolean train, int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("Fashion-MNIST: limit must be ≥ 1, got " + limit);
        }
        String prefix = train ? "train" : "t10k";
        Path images = dir.resolve(prefix + "-images-idx3-ubyte.gz");
        Path labels = dir.resolve(prefix + "-labels-idx1-ubyte.gz");
        DMatrixRMaj x = readImages(images, limit);
        int[] y = readLabels(labels, x.numRows);
        return new Dataset("Fashion-MNIST " + prefix, x, y, 10);
    }

    /**
     * The full training file split at random into a training part and {@code validation} held-out examples, read once
     * and each image stored once (no copy of the whole set is made): example {@code p[i]} of a seeded permutation p goes
     * to row i of the training part for i &lt; 60 000 − validation, and to the validation part after that.
     */
    public static Dataset[] trainValidation(Path dir, int validation, java.util.Random rng) {
        Path images = dir.resolve("train-images-idx3-ubyte.gz");
        Path labels = dir.resolve("train-labels-idx1-ubyte.gz");
        int[] y = readLabels(labels, -1);
        int n = y.length;
        if (validation < 1 || validation >= n) {
            throw new IllegalArgumentException("Fashion-MNIST: the validation part must hold 1 … " + (n - 1)
                    + " of the " + n + " training examples, got " + validation);
        }
        int[] perm = Dataset.permutation(n, rng);
        int m = n - validation;
        int[] part = new int[n], row = new int[n];
        for (int i = 0; i < n; i++) {
            part[perm[i]] = i < m ? 0 : 1;
            row[perm[i]] = i < m ? i : i - m;
        }
        DMatrixRMaj[] x = new DMatrixRMaj[2];
        int[][] ys = {new int[m], new int[validation]};
        try (DataInputStream in = open(images)) {
            int d = readImageHeader(images, in, n);
            x[0] = new DMatrixRMaj(m, d);
            x[1] = new DMatrixRMaj(validation, d);
            byte[] buf = new byte[d];
            for (int i = 0; i < n; i++) {
                in.readFully(buf);
                double[] dst = x[part[i]].data;
                int off = row[i] * d;
                for (int j = 0; j < d; j++) {
                    dst[off + j] = (buf[j] & 0xff) / 255.0;
                }
                ys[part[i]][row[i]] = y[i];
            }
        } catch (EOFException e) {
            throw corrupt(images, "the file ends before the number of images its header announces (truncated download?)");
        } catch (ZipException e) {
            throw corrupt(images, "not a valid gzip stream (" + e.getMessage() + ")");
        } catch (IOException e) {
            throw new UncheckedIOException("Fashion-MNIST: cannot read " + images + ": " + e.getMessage(), e);
        }
        return new Dataset[]{new Dataset("Fashion-MNIST train (" + m + ")", x[0], ys[0], 10),
                new Dataset("Fashion-MNIST validation (" + validation + ")", x[1], ys[1], 10)};
    }

    /** Reads and checks the image header; returns the pixels per image. */
    private static int readImageHeader(Path file, DataInputStream in, int expected) throws IOException {
        int magic = in.readInt();
        if (magic != 0x00000803) {
            throw corrupt(file, String.format("magic number 0x%08x, expected 0x00000803 (IDX unsigned-byte images)", magic));
        }
        int n = in.readInt(), rows = in.readInt(), cols = in.readInt();
        if (n != expected || rows <= 0 || cols <= 0) {
            throw corrupt(file, "header gives " + n + " images of " + rows + "x" + cols + ", the labels file " + expected + " labels");
        }
        return rows * cols;
    }

    static DMatrixRMaj readImages(Path file, int limit) {
        try (DataInputStream in = open(file)) {
            int magic = in.readInt();
            if (magic != 0x00000803) {
                throw corrupt(file, String.format("magic number 0x%08x, expected 0x00000803 (IDX unsigned-byte images)", magic));
            }
            int n = in.readInt(), rows = in.readInt(), cols = in.readInt();
            if (n < 0 || rows <= 0 || cols <= 0) {
                throw corrupt(file, "header gives " + n + " images of " + rows + "x" + cols);
            }
            int m = Math.min(n, limit), d = rows * cols;
            DMatrixRMaj x = new DMatrixRMaj(m, d);
            byte[] buf = new byte[d];
            for (int i = 0; i < m; i++) {
                in.readFully(buf);
                for (int j = 0; j < d; j++) {
                    x.data[i * d + j] = (buf[j] & 0xff) / 255.0;
                }
            }
            return x;
        } catch (EOFException e) {
            throw corrupt(file, "the file ends before the number of images its header announces (truncated download?)");
        } catch (ZipException e) {
            throw corrupt(file, "not a valid gzip stream (" + e.getMessage() + ")");
        } catch (IOException e) {
            throw new UncheckedIOException("Fashion-MNIST: cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    static int[] readLabels(Path file, int count) {
        try (DataInputStream in = open(file)) {
            int magic = in.readInt();
            if (magic != 0x00000801) {
                throw corrupt(file, String.format("magic number 0x%08x, expected 0x00000801 (IDX unsigned-byte labels)", magic));
            }
            int n = in.readInt();
            if (count < 0) {
                count = n;
            }
            if (n < 0 || n < count) {
                throw corrupt(file, "holds " + n + " labels but " + count + " images were read");
            }
            int[] y = new int[count];
            for (int i = 0; i < count; i++) {
                y[i] = in.readUnsignedByte();
                if (y[i] > 9) {
                    throw corrupt(file, "label " + y[i] + " of example " + i + " is outside 0…9");
                }
            }
            return y;
        } catch (EOFException e) {
            throw corrupt(file, "the file ends before the number of labels its header announces (truncated download?)");
        } catch (ZipException e) {
            throw corrupt(file, "not a valid gzip stream (" + e.getMessage() + ")");
        } catch (IOException e) {
            throw new UncheckedIOException("Fashion-MNIST: cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    private static DataInputStream open(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new IllegalStateException("Fashion-MNIST: missing file " + file + " (expected the four gzipped IDX "
                    + "files train-/t10k-images-idx3-ubyte.gz and train-/t10k-labels-idx1-ubyte.gz in " + file.getParent()
                    + "; the Debian package " + DEBIAN_PACKAGE + " installs them in " + DEFAULT_DIR + ")");
        }
        InputStream raw = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
        return new DataInputStream(new BufferedInputStream(new GZIPInputStream(raw, 1 << 16), 1 << 16));
    }

    private static IllegalStateException corrupt(Path file, String what) {
        return new IllegalStateException("Fashion-MNIST: corrupt file " + file + ": " + what
                + " (reinstall it: apt-get install --reinstall " + DEBIAN_PACKAGE + ")");
    }
}
