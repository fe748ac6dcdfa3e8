package descent.grader.wire;

import java.nio.charset.StandardCharsets;

/**
 * Reads one frame's payload with bounds checks: every read that would run past the end, and every count that
 * promises more elements than bytes are left, is a {@link WireException}, so no input can make the reader allocate
 * more than the frame it already holds.
 */
public final class In {
    private final byte[] b;
    private int p;

    public In(byte[] bytes) {
        this.b = bytes;
    }

    public int remaining() {
        return b.length - p;
    }

    private void need(int k) throws WireException {
        if (k < 0 || k > b.length - p) {
            throw new WireException("truncated frame: needed " + k + " more bytes, " + remaining() + " left");
        }
    }

    public int u8() throws WireException {
        need(1);
        return b[p++] & 0xff;
    }

    public int i16() throws WireException {
        need(2);
        int v = ((b[p] & 0xff) << 8) | (b[p + 1] & 0xff);
        p += 2;
        return v;
    }

    public int i32() throws WireException {
        need(4);
        int v = ((b[p] & 0xff) << 24) | ((b[p + 1] & 0xff) << 16) | ((b[p + 2] & 0xff) << 8) | (b[p + 3] & 0xff);
        p += 4;
        return v;
    }

    public long i64() throws WireException {
        long hi = i32() & 0xffffffffL;
        long lo = i32() & 0xffffffffL;
        return (hi << 32) | lo;
    }

    public double f64() throws WireException {
        return Double.longBitsToDouble(i64());
    }

    public float f32() throws WireException {
        return Float.intBitsToFloat(i32());
    }

    /** A count of elements each taking at least {@code minBytes}: never more than the bytes left can hold. */
    public int count(int minBytes) throws WireException {
        int n = i32();
        if (n < 0 || (long) n * Math.max(1, minBytes) > remaining()) {
            throw new WireException("count " + n + " does not fit in the " + remaining() + " bytes left");
        }
        return n;
    }

    /** A UTF-8 string of at most {@code maxBytes} bytes. */
    public String utf(int maxBytes) throws WireException {
        int n = count(1);
        if (n > maxBytes) {
            throw new WireException("string of " + n + " bytes, more than the " + maxBytes + " allowed");
        }
        String s = new String(b, p, n, StandardCharsets.UTF_8);
        p += n;
        return s;
    }

    /** Fails unless every byte was read. */
    public void end() throws WireException {
        if (p != b.length) {
            throw new WireException(remaining() + " unexpected bytes at the end of a frame");
        }
    }
}
