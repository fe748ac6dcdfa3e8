package capstone;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.CRC32;

/**
 * Exercise 09.2: a checkpoint file format that refuses foreign, truncated and corrupted files (notebook 39;
 * {@code descent.train.Checkpoint} does the same for a whole training run). The layout, all numbers big-endian (Java's
 * {@code ByteBuffer} and {@code DataOutputStream} default):
 * <pre>
 *   4 bytes  the magic "DCK1"
 *   int      the number of tensors T
 *   T times: int n, then n doubles (IEEE 754 bits, so every value comes back exactly)
 *   long     the CRC-32 ({@code java.util.zip.CRC32}) of every byte before it
 * </pre>
 */
public final class CheckpointFormat {

    /** The four bytes every file starts with. */
    private static final byte[] MAGIC = {'D', 'C', 'K', '1'};

    private CheckpointFormat() {
    }

    /** The bytes of a file holding {@code tensors} (each array one tensor, possibly empty). */
    public static byte[] encode(double[][] tensors) {
        // BEGIN SOLUTION 09.2 encode
        int size = MAGIC.length + 4 + 8;
        for (double[] t : tensors) {
            size += 4 + 8 * t.length;
        }
        ByteBuffer b = ByteBuffer.allocate(size);
        b.put(MAGIC).putInt(tensors.length);
        for (double[] t : tensors) {
            b.putInt(t.length);
            for (double v : t) {
                b.putDouble(v);
            }
        }
        CRC32 crc = new CRC32();
        crc.update(b.array(), 0, b.position());
        b.putLong(crc.getValue());
        return b.array();
        // END SOLUTION
    }

    /**
     * The tensors stored in {@code bytes}, bit for bit.
     *
     * @throws IllegalArgumentException whose message says "not a checkpoint" when the bytes do not start with the magic,
     *                                  "truncated" when they end before the layout does, "checksum" when the CRC-32
     *                                  does not match (a changed byte), and "trailing" when bytes follow the checksum
     */
    public static double[][] decode(byte[] bytes) {
        // BEGIN SOLUTION 09.2 decode
        if (bytes.length < MAGIC.length || !Arrays.equals(bytes, 0, MAGIC.length, MAGIC, 0, MAGIC.length)) {
            throw new IllegalArgumentException("not a checkpoint: it does not start with \"DCK1\"");
        }
        ByteBuffer b = ByteBuffer.wrap(bytes);
        b.position(MAGIC.length);
        need(b, 4, "the tensor count");
        int count = b.getInt();
        if (count < 0) {
            throw new IllegalArgumentException("corrupt: negative tensor count " + count);
        }
        List<double[]> tensors = new ArrayList<>();
        for (int t = 0; t < count; t++) {
            need(b, 4, "the length of tensor " + t);
            int n = b.getInt();
            if (n < 0) {
                throw new IllegalArgumentException("corrupt: tensor " + t + " has negative length " + n);
            }
            need(b, 8L * n, n + " doubles of tensor " + t);
            double[] v = new double[n];
            for (int j = 0; j < n; j++) {
                v[j] = b.getDouble();
            }
            tensors.add(v);
        }
        need(b, 8, "the checksum");
        CRC32 crc = new CRC32();
        crc.update(bytes, 0, b.position());
        long stored = b.getLong();
        if (stored != crc.getValue()) {
            throw new IllegalArgumentException("corrupt: checksum " + Long.toHexString(crc.getValue())
                    + " does not match the stored " + Long.toHexString(stored));
        }
        if (b.hasRemaining()) {
            throw new IllegalArgumentException("corrupt: " + b.remaining() + " trailing bytes after the checksum");
        }
        return tensors.toArray(new double[0][]);
        // END SOLUTION
    }

    /** Throws "truncated" unless {@code n} more bytes are left, naming what they should hold. */
    private static void need(ByteBuffer b, long n, String what) {
        // BEGIN SOLUTION 09.2 decode
        if (b.remaining() < n) {
            throw new IllegalArgumentException("truncated: the file ends before " + what + " (" + b.remaining()
                    + " bytes left, " + n + " needed)");
        }
        // END SOLUTION
    }
}
