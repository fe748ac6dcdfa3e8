package descent.grader.wire;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;

/**
 * Frames on a byte stream: a 4-byte big-endian length, then that many bytes. The first payload byte is the
 * message kind ({@link Kind}). A length above {@link #MAX_FRAME} is refused before anything is allocated.
 */
public final class Frames {

    /** The largest frame either side accepts: 64 MiB (a few million doubles of arguments or results). */
    public static final int MAX_FRAME = 64 << 20;

    private Frames() {
    }

    public static void write(DataOutputStream out, Out payload) throws IOException {
        int n = payload.size();
        if (n > MAX_FRAME) {
            throw new WireException("frame of " + n + " bytes is larger than the " + MAX_FRAME + " allowed");
        }
        out.writeInt(n);
        out.write(payload.toBytes());
        out.flush();
    }

    /**
     * The next frame's payload.
     *
     * @throws EOFException at the end of the stream (the other side is gone)
     * @throws WireException for a length out of range
     */
    public static byte[] read(DataInputStream in) throws IOException {
        int n = in.readInt();
        if (n <= 0 || n > MAX_FRAME) {
            throw new WireException("frame length " + n + " outside 1.." + MAX_FRAME);
        }
        byte[] b = new byte[n];
        in.readFully(b);
        return b;
    }

    /** Message kinds: the first byte of every frame. */
    public static final class Kind {
        // grader -> student JVM
        /** call a static method: class, name, descriptor, arguments. */
        public static final int CALL = 'C';
        /** the value (or error) a callback into the grader returned. */
        public static final int CALLBACK_RESULT = 'R';
        /** a new test starts: fresh class loader for the student classes. */
        public static final int TEST_BEGIN = 'T';
        /** the test ended: report threads the student code left running. */
        public static final int TEST_END = 'E';

        // student JVM -> grader
        /** the student JVM is ready. */
        public static final int HELLO = 'H';
        /** a call returned: the result, then the array arguments after the call, then what was printed. */
        public static final int RESULT = 'r';
        /** a call threw: exception class, message, the student's frame, then the array arguments, then printed. */
        public static final int THROWN = 'x';
        /** the class or method to call is not in the student's code, or its signature differs. */
        public static final int MISSING = 'm';
        /** the student code calls a function the graded test passed in. */
        public static final int CALLBACK = 'c';
        /** static initialisation of an exercise class starts. */
        public static final int INIT = 'i';
        /** static initialisation finished. */
        public static final int INIT_DONE = 'j';
        /** answer to TEST_END: the number of threads left running. */
        public static final int TEST_ENDED = 'e';
        /** sent by a shutdown hook: System.exit was called, and by which thread. */
        public static final int EXITING = 'X';

        private Kind() {
        }
    }
}
