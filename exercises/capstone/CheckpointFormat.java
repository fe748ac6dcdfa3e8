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
        // YOUR CODE HERE
        throw new UnsupportedOperationException("Exercise 09.2 (encode) is not implemented yet");
    }

    /**
     * The tensors stored in {@code bytes}, bit for bit.
     *
     * @throws IllegalArgumentException whose message says "not a checkpoint" when the bytes do not start with the magic,
     *                                  "truncated" when they end before the layout does, "checksum" when the CRC-32
     *                                  does not match (a changed byte), and "trailing" when bytes follow the checksum
     */
    public static double[][] decode(byte[] bytes) {
        // YOUR CODE HERE
        throw new UnsupportedOperationException("Exercise 09.2 (decode) is not implemented yet");
    }

    /** Throws "truncated" unless {@code n} more bytes are left, naming what they should hold. */
    private static void need(ByteBuffer b, long n, String what) {
        // YOUR CODE HERE
        throw new UnsupportedOperationException("Exercise 09.2 (decode) is not implemented yet");
    }
}
