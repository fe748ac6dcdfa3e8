package descent.train;

import descent.nn.Layer;
import descent.nn.Param;
import descent.nn.Sequential;
import descent.optim.Optimizer;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.zip.CRC32;

/**
 * Everything a training run needs to go on exactly where it stopped, at the end of an epoch: the network's parameters
 * and layer state (batch normalization's running statistics), the optimizer's state (Adam's moments and t, the
 * learning rate, the step counter), the epoch and the global step k (which fixes the schedule's ε_k), the shuffling
 * generator and the current permutation of the training set, the early-stopping state (θ*, i*, v, j) and the
 * history so far. {@link Trainer#checkpoint(Path)} writes one after every epoch and {@link Trainer#resume(Checkpoint)}
 * continues from one; the resumed run is bit-for-bit the run that was never interrupted ({@code CheckpointTest}).
 *
 * <p><b>File.</b> The 18 bytes {@code DESCENT-CHECKPOINT}, a format version (int), the length of the state in bytes
 * (long), the state, and its CRC-32 (long). A file that does not start with those bytes is refused as foreign; one
 * shorter than its header announces as truncated; one whose checksum does not match as corrupt; each message names
 * the file.
 *
 * <p><b>Atomic write.</b> {@link #save} writes a temporary file in the target's directory, forces it to the disk, and
 * renames it over the target in one step. A crash, a full disk or a read-only directory therefore leaves either the
 * previous checkpoint or the new one, never a half-written file; the temporary file is removed on failure.
 */
public final class Checkpoint {

    static final byte[] MAGIC = "DESCENT-CHECKPOINT".getBytes(StandardCharsets.US_ASCII);
    static final int VERSION = 1;

    private final byte[] state;
    private final String network;
    private final int epoch;
    private final long step;
    private final String source;

    private Checkpoint(byte[] state, String source) throws IOException {
        this.state = state;
        this.source = source;
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(state));
        this.network = in.readUTF();
        this.epoch = in.readInt();
        this.step = in.readLong();
    }

    /** The epochs completed when the checkpoint was taken. */
    public int epoch() {
        return epoch;
    }

    /** The minibatch steps taken when the checkpoint was taken (k of the schedule). */
    public long step() {
        return step;
    }

    /** The network it was taken from, as {@link Sequential#toString()} prints it. */
    public String network() {
        return network;
    }

    /** Where it came from: the file it was loaded from, or "a checkpoint in memory". */
    public String source() {
        return source;
    }

    /** Size of the saved state in bytes. */
    public int sizeInBytes() {
        return state.length;
    }

    /**
     * Captures the state of a run after {@code epoch} epochs and {@code step} steps.
     *
     * @throws UnsupportedOperationException when the optimizer or the monitor cannot be saved
     */
    static Checkpoint capture(Sequential net, Optimizer optimizer, Random rng, Trainer.Monitor monitor, History history,
                              int epoch, long step, int[] order) {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream(1 << 20);
            DataOutputStream out = new DataOutputStream(bytes);
            out.writeUTF(net.toString());
            out.writeInt(epoch);
            out.writeLong(step);
            writeInts(out, order);
            writeBlob(out, serialize(rng));
            List<Param> params = net.params();
            out.writeInt(params.size());
            for (Param p : params) {
                out.writeUTF(p.name());
                writeDoubles(out, p.value().data, p.size());
            }
            List<Layer> layers = net.layers();
            out.writeInt(layers.size());
            for (Layer l : layers) {
                ByteArrayOutputStream b = new ByteArrayOutputStream();
                DataOutputStream o = new DataOutputStream(b);
                l.writeState(o);
                o.flush();
                writeBlob(out, b.toByteArray());
            }
            ByteArrayOutputStream ob = new ByteArrayOutputStream();
            DataOutputStream oo = new DataOutputStream(ob);
            optimizer.writeState(oo);
            oo.flush();
            writeBlob(out, ob.toByteArray());
            if (monitor == null) {
                out.writeUTF("none");
            } else if (monitor instanceof EarlyStopping es) {
                out.writeUTF("EarlyStopping");
                es.writeState(out);
            } else {
                throw new UnsupportedOperationException("checkpoints save EarlyStopping only, not "
                        + monitor.getClass().getSimpleName());
            }
            history.write(out);
            out.flush();
            return new Checkpoint(bytes.toByteArray(), "a checkpoint in memory (epoch " + epoch + ")");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What {@link #restore} hands back to the trainer. */
    record Restored(Random rng, int[] order) {
    }

    /**
     * Writes the saved state into {@code net}, {@code optimizer}, {@code monitor} and {@code history} (which must be
     * built as in the run that was saved) and returns the generator and the permutation to continue with.
     */
    Restored restore(Sequential net, Optimizer optimizer, Trainer.Monitor monitor, History history, int trainingSize,
                     String source) {
        try {
            DataInputStream in = new DataInputStream(new ByteArrayInputStream(state));
            String savedNet = in.readUTF();
            if (!savedNet.equals(net.toString())) {
                throw new IllegalStateException(source + ": the checkpoint was taken from the network " + savedNet
                        + ", not from " + net);
            }
            in.readInt();
            in.readLong();
            int[] order = readInts(in);
            if (order.length != trainingSize) {
                throw new IllegalStateException(source + ": the checkpoint was taken on a training set of "
                        + order.length + " examples, this one has " + trainingSize);
            }
            Random rng = (Random) deserialize(readBlob(in), source);
            List<Param> params = net.params();
            int np = in.readInt();
            if (np != params.size()) {
                throw new IllegalStateException(source + ": the checkpoint holds " + np + " parameter tensors, the network "
                        + params.size());
            }
            for (Param p : params) {
                String name = in.readUTF();
                double[] v = readDoubles(in);
                if (!name.equals(p.name()) || v.length != p.size()) {
                    throw new IllegalStateException(source + ": saved tensor " + name + " (" + v.length
                            + " entries) does not fit parameter " + p);
                }
                System.arraycopy(v, 0, p.value().data, 0, v.length);
            }
            int nl = in.readInt();
            for (int i = 0; i < nl; i++) {
                net.layers().get(i).readState(new DataInputStream(new ByteArrayInputStream(readBlob(in))), source);
            }
            optimizer.readState(new DataInputStream(new ByteArrayInputStream(readBlob(in))), source);
            String kind = in.readUTF();
            boolean hasMonitor = monitor != null;
            if (!kind.equals(hasMonitor ? monitor.getClass().getSimpleName() : "none")) {
                throw new IllegalStateException(source + ": the checkpoint's run was monitored by " + kind + ", this one by "
                        + (hasMonitor ? monitor.getClass().getSimpleName() : "none"));
            }
            if (monitor instanceof EarlyStopping es) {
                es.readState(in, source);
            }
            history.read(in);
            return new Restored(rng, order);
        } catch (IOException e) {
            throw new IllegalStateException(source + ": corrupt checkpoint (" + e + ")", e);
        }
    }

    /**
     * Writes the checkpoint to {@code file} atomically: a temporary file in the same directory, forced to the disk,
     * then renamed over {@code file}. On any failure (read-only directory, full disk) the temporary file is deleted,
     * an existing {@code file} is left as it was, and the exception names both.
     */
    public void save(Path file) {
        save(file, Long.MAX_VALUE);
    }

    /** {@link #save(Path)} that fails with "No space left on device" after {@code capacity} bytes (for tests). */
    void save(Path file, long capacity) {
        Path dir = file.toAbsolutePath().getParent();
        Path tmp = null;
        try {
            tmp = Files.createTempFile(dir, "." + file.getFileName() + ".", ".tmp");
            CRC32 crc = new CRC32();
            crc.update(state);
            ByteBuffer header = ByteBuffer.allocate(MAGIC.length + 4 + 8);
            header.put(MAGIC).putInt(VERSION).putLong(state.length);
            ByteBuffer trailer = ByteBuffer.allocate(8).putLong(crc.getValue());
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
                OutputStream os = new LimitedOutput(java.nio.channels.Channels.newOutputStream(ch), capacity);
                os.write(header.array());
                os.write(state);
                os.write(trailer.array());
                os.flush();
                ch.force(true);
            }
            try {
                Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
            tmp = null;
        } catch (IOException e) {
            String previous = Files.exists(file) ? "the previous checkpoint " + file + " is unchanged"
                    : "no earlier checkpoint existed";
            throw new UncheckedIOException("cannot write checkpoint " + file + " (" + describe(e) + "; " + previous
                    + "): check that " + dir + " is writable and has " + (state.length >> 20) + " MB free", e);
        } finally {
            if (tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException ignored) {
                    // the directory refused the write in the first place; nothing more to clean
                }
            }
        }
    }

    private static String describe(IOException e) {
        if (e instanceof java.nio.file.AccessDeniedException) {
            return "permission denied: the directory is read-only";
        }
        if (e instanceof NoSuchFileException) {
            return "no such directory";
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    /**
     * Reads a checkpoint written by {@link #save}.
     *
     * @throws IllegalStateException naming the file when it is missing, foreign, of another version, truncated or corrupt
     */
    public static Checkpoint load(Path file) {
        byte[] all;
        try {
            all = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new IllegalStateException("checkpoint " + file + " does not exist");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read checkpoint " + file + ": " + e.getMessage(), e);
        }
        int head = MAGIC.length + 4 + 8;
        if (all.length < MAGIC.length || !Arrays.equals(all, 0, MAGIC.length, MAGIC, 0, MAGIC.length)) {
            throw new IllegalStateException(file + " is not a Descent checkpoint (it does not start with \"DESCENT-CHECKPOINT\"; "
                    + all.length + " bytes)");
        }
        if (all.length < head) {
            throw new IllegalStateException("checkpoint " + file + " is truncated: " + all.length
                    + " bytes, shorter than its header");
        }
        ByteBuffer b = ByteBuffer.wrap(all);
        b.position(MAGIC.length);
        int version = b.getInt();
        if (version != VERSION) {
            throw new IllegalStateException("checkpoint " + file + " has format version " + version + "; this Descent reads version "
                    + VERSION);
        }
        long length = b.getLong();
        if (length < 0 || length > all.length - head - 8L) {
            throw new IllegalStateException("checkpoint " + file + " is truncated: its header announces " + length
                    + " bytes of state and a checksum, the file holds " + Math.max(0, all.length - head)
                    + " bytes after the header (an interrupted copy?)");
        }
        if (length != all.length - head - 8L) {
            throw new IllegalStateException("checkpoint " + file + " is corrupt: " + (all.length - head - 8L - length)
                    + " bytes follow the checksum");
        }
        byte[] state = Arrays.copyOfRange(all, head, head + (int) length);
        long stored = ByteBuffer.wrap(all, head + (int) length, 8).getLong();
        CRC32 crc = new CRC32();
        crc.update(state);
        if (crc.getValue() != stored) {
            throw new IllegalStateException("checkpoint " + file + " is corrupt: CRC-32 " + Long.toHexString(crc.getValue())
                    + " of its state does not match the stored " + Long.toHexString(stored));
        }
        try {
            return new Checkpoint(state, "checkpoint " + file);
        } catch (IOException e) {
            throw new IllegalStateException("checkpoint " + file + " is corrupt (" + e + ")", e);
        }
    }

    // ------------------------------------------------------------------ encoding helpers

    static void writeDoubles(DataOutputStream out, double[] a, int n) throws IOException {
        out.writeInt(n);
        ByteBuffer bb = ByteBuffer.allocate(8 * n);
        bb.asDoubleBuffer().put(a, 0, n);
        out.write(bb.array());
    }

    static double[] readDoubles(DataInputStream in) throws IOException {
        int n = in.readInt();
        if (n < 0 || n > in.available() / 8) {
            throw new EOFException("array of " + n + " doubles does not fit in the remaining " + in.available() + " bytes");
        }
        byte[] raw = new byte[8 * n];
        in.readFully(raw);
        double[] a = new double[n];
        ByteBuffer.wrap(raw).asDoubleBuffer().get(a);
        return a;
    }

    static void writeInts(DataOutputStream out, int[] a) throws IOException {
        out.writeInt(a.length);
        ByteBuffer bb = ByteBuffer.allocate(4 * a.length);
        bb.asIntBuffer().put(a);
        out.write(bb.array());
    }

    static int[] readInts(DataInputStream in) throws IOException {
        int n = in.readInt();
        if (n < 0 || n > in.available() / 4) {
            throw new EOFException("array of " + n + " ints does not fit in the remaining " + in.available() + " bytes");
        }
        byte[] raw = new byte[4 * n];
        in.readFully(raw);
        int[] a = new int[n];
        ByteBuffer.wrap(raw).asIntBuffer().get(a);
        return a;
    }

    private static void writeBlob(DataOutputStream out, byte[] b) throws IOException {
        out.writeInt(b.length);
        out.write(b);
    }

    private static byte[] readBlob(DataInputStream in) throws IOException {
        int n = in.readInt();
        if (n < 0 || n > in.available()) {
            throw new EOFException("a block of " + n + " bytes does not fit in the remaining " + in.available());
        }
        byte[] b = new byte[n];
        in.readFully(b);
        return b;
    }

    /** java.util.Random's own serialized form holds its 48-bit state and the cached Gaussian exactly. */
    private static byte[] serialize(Random rng) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        try (ObjectOutputStream o = new ObjectOutputStream(b)) {
            o.writeObject(rng);
        }
        return b.toByteArray();
    }

    private static Object deserialize(byte[] bytes, String source) throws IOException {
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes)) {
            @Override
            protected Class<?> resolveClass(java.io.ObjectStreamClass desc) throws IOException, ClassNotFoundException {
                // only the generator itself: a checkpoint is data, never a way to instantiate arbitrary classes
                if (!desc.getName().equals(Random.class.getName())) {
                    throw new java.io.InvalidClassException(desc.getName(), "a checkpoint may only hold java.util.Random");
                }
                return super.resolveClass(desc);
            }
        }) {
            return in.readObject();
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(source + ": " + e.getMessage(), e);
        }
    }

    /** An output stream that behaves like a disk with {@code capacity} free bytes. */
    private static final class LimitedOutput extends OutputStream {
        private final OutputStream out;
        private long left;

        LimitedOutput(OutputStream out, long capacity) {
            this.out = out;
            this.left = capacity;
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[]{(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            if (len > left) {
                out.write(b, off, (int) left);
                left = 0;
                throw new IOException("No space left on device");
            }
            out.write(b, off, len);
            left -= len;
        }

        @Override
        public void flush() throws IOException {
            out.flush();
        }
    }
}
