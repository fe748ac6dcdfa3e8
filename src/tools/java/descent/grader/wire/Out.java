package descent.grader.wire;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** A growable big-endian byte buffer: the payload of one frame being written. */
public final class Out {
    private byte[] buf = new byte[256];
    private int n;

    private void ensure(int k) {
        if (n + k > buf.length) {
            long want = Math.max((long) buf.length * 2, (long) n + k);
            if (want > Frames.MAX_FRAME) {
                want = Math.max((long) n + k, Frames.MAX_FRAME);
            }
            buf = Arrays.copyOf(buf, (int) Math.min(want, Integer.MAX_VALUE - 8));
        }
    }

    public Out u8(int b) {
        ensure(1);
        buf[n++] = (byte) b;
        return this;
    }

    public Out i32(int v) {
        ensure(4);
        buf[n++] = (byte) (v >>> 24);
        buf[n++] = (byte) (v >>> 16);
        buf[n++] = (byte) (v >>> 8);
        buf[n++] = (byte) v;
        return this;
    }

    public Out i64(long v) {
        i32((int) (v >>> 32));
        return i32((int) v);
    }

    public Out f64(double v) {
        return i64(Double.doubleToRawLongBits(v));
    }

    public Out f32(float v) {
        return i32(Float.floatToRawIntBits(v));
    }

    public Out i16(int v) {
        ensure(2);
        buf[n++] = (byte) (v >>> 8);
        buf[n++] = (byte) v;
        return this;
    }

    /** A string as its UTF-8 length and bytes. */
    public Out utf(String s) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        i32(b.length);
        ensure(b.length);
        System.arraycopy(b, 0, buf, n, b.length);
        n += b.length;
        return this;
    }

    public int size() {
        return n;
    }

    public byte[] toBytes() {
        return Arrays.copyOf(buf, n);
    }
}
