package capstone;

import static descent.grade.GradedAssert.fail;
import static descent.grade.GradedAssert.that;

import descent.grade.Exercise;
import descent.grade.Points;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.zip.CRC32;

/**
 * The checkpoint format: exact bytes against a reference written independently with DataOutputStream, a bit-exact
 * round trip (−0.0, NaN, ±∞, subnormals), and foreign, truncated, corrupted and over-long files refused.
 */
@Exercise(id = "09.2", title = "checkpoint format")
class CheckpointFormatTest {

    static final String REREAD = "notebook 39, \"Checkpoints\": magic \"DCK1\", the tensor count, each tensor's length and "
            + "doubles (big-endian), then the CRC-32 of every byte before it; decode refuses what encode cannot have written";

    static final double[][] TENSORS = {{1.5, -0.0, Double.NaN}, {}, {Double.MIN_VALUE, Double.POSITIVE_INFINITY,
            -Double.MAX_VALUE, 0.1, 1e-300, -2.5, 3, 1e10, 7, -1e-7}};

    /** The same layout written with DataOutputStream (big-endian) and CRC32: an independent encoder. */
    static byte[] reference(double[][] tensors) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(b);
        out.writeBytes("DCK1");
        out.writeInt(tensors.length);
        for (double[] t : tensors) {
            out.writeInt(t.length);
            for (double v : t) {
                out.writeDouble(v);
            }
        }
        CRC32 crc = new CRC32();
        crc.update(b.toByteArray());
        out.writeLong(crc.getValue());
        return b.toByteArray();
    }

    @Test
    @Points(3)
    void encodeWritesTheLayoutByteForByte() throws IOException {
        byte[] expected = reference(TENSORS), got = CheckpointFormat.encode(TENSORS);
        if (!Arrays.equals(expected, got)) {
            int at = Arrays.mismatch(expected, got);
            fail("encoded bytes", "tensors " + Arrays.deepToString(TENSORS), expected.length + " bytes, byte " + at + " = "
                    + (at < expected.length ? expected[at] : "(end)"), got.length + " bytes, byte " + at + " = "
                    + (at < got.length ? got[at] : "(end)"), REREAD);
        }
        byte[] empty = CheckpointFormat.encode(new double[0][]);
        if (!Arrays.equals(reference(new double[0][]), empty)) {
            fail("encoded bytes", "no tensors", Arrays.toString(reference(new double[0][])), Arrays.toString(empty), REREAD);
        }
    }

    @Test
    @Points(2)
    void decodeGivesBackEveryBit() throws IOException {
        double[][] got = CheckpointFormat.decode(reference(TENSORS));
        boolean same = got.length == TENSORS.length;
        for (int t = 0; same && t < got.length; t++) {
            same = got[t].length == TENSORS[t].length;
            for (int j = 0; same && j < got[t].length; j++) {
                same = Double.doubleToRawLongBits(got[t][j]) == Double.doubleToRawLongBits(TENSORS[t][j]);
            }
        }
        that(same, "decoded tensors (bit for bit)", "the encoding of " + Arrays.deepToString(TENSORS),
                "got " + Arrays.deepToString(got), REREAD);
        double[][] none = CheckpointFormat.decode(reference(new double[0][]));
        that(none.length == 0, "decoded tensors", "the encoding of no tensors", "got " + Arrays.deepToString(none), REREAD);
    }

    @Test
    @Points(3)
    void foreignTruncatedAndCorruptBytesAreRefused() throws IOException {
        byte[] good = reference(TENSORS);
        refuse("a text file", "epoch 3, loss 0.31".getBytes(java.nio.charset.StandardCharsets.US_ASCII), "not a checkpoint");
        refuse("two bytes", new byte[]{'D', 'C'}, "not a checkpoint");
        byte[] firstByte = good.clone();
        firstByte[0] = 'X';
        refuse("\"XCK1\" instead of \"DCK1\"", firstByte, "not a checkpoint");
        refuse("the magic alone", Arrays.copyOf(good, 4), "truncated");
        refuse("the magic and two bytes of the count", Arrays.copyOf(good, 6), "truncated");
        for (int cut : new int[]{8, 10, 12, 20, good.length - 9, good.length - 1}) {
            refuse("the first " + cut + " of " + good.length + " bytes", Arrays.copyOf(good, cut), "truncated");
        }
        byte[] huge = good.clone();
        huge[7] = 100; // 100 tensors announced
        refuse("a count of 100 tensors", huge, "truncated");
        byte[] negativeLength = good.clone();
        negativeLength[8] = (byte) 0x80;
        refuse("a negative tensor length", negativeLength, "negative length");
        byte[] negative = good.clone();
        negative[4] = (byte) 0xff;
        refuse("a negative tensor count", negative, "negative tensor count");
        byte[] longLength = good.clone();
        longLength[11] = 50; // the first tensor announces 50 doubles
        refuse("a tensor length of 50", longLength, "truncated");
        for (int at : new int[]{14, 20, good.length - 12, good.length - 1}) {
            byte[] flipped = good.clone();
            flipped[at] ^= 0x04;
            refuse("byte " + at + " changed", flipped, "checksum");
        }
        byte[] longer = Arrays.copyOf(good, good.length + 3);
        refuse("three bytes after the checksum", longer, "trailing");
    }

    static void refuse(String what, byte[] bytes, String mention) {
        try {
            double[][] t = CheckpointFormat.decode(bytes);
            that(false, "decode of " + what, bytes.length + " bytes", "expected an IllegalArgumentException saying \""
                    + mention + "\", got " + Arrays.deepToString(t), REREAD);
        } catch (IllegalArgumentException e) {
            that(e.getMessage() != null && e.getMessage().contains(mention), "the error message", "decode of " + what,
                    "expected it to say \"" + mention + "\", got \"" + e.getMessage() + "\"", REREAD);
        } catch (RuntimeException e) {
            that(false, "decode of " + what, bytes.length + " bytes", "expected an IllegalArgumentException saying \""
                    + mention + "\", got " + e, REREAD);
        }
    }
}
