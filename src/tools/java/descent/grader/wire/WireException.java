package descent.grader.wire;

import java.io.IOException;

/** Bytes from the other side of the channel that do not follow the protocol: too long, truncated or of the wrong type. */
public final class WireException extends IOException {
    private static final long serialVersionUID = 1L;

    public WireException(String message) {
        super(message);
    }
}
