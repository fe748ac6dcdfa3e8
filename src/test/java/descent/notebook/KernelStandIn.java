package descent.notebook;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * What the rapaio kernel adds to every JShell session, for running notebooks without Jupyter: the kernel
 * statically imports {@code display(Object)} and friends from its {@code Global} class; the JShell check imports
 * these instead, so notebook code compiles the same way in both. Displayed objects are counted, not shown.
 */
public final class KernelStandIn {

    private static final List<Object> DISPLAYED = Collections.synchronizedList(new ArrayList<>());

    private KernelStandIn() {
    }

    /** As rapaio's {@code display(Object)}: shows the object and returns a display id. */
    public static String display(Object o) {
        DISPLAYED.add(o);
        return "display-" + DISPLAYED.size();
    }

    /** As rapaio's {@code display(String mime, Object)}. */
    public static String display(String mime, Object o) {
        return display(o);
    }

    /** As rapaio's {@code updateDisplay(String id, Object)}. */
    public static void updateDisplay(String id, Object o) {
        DISPLAYED.add(o);
    }

    /** As rapaio's {@code updateDisplay(String id, String mime, Object)}. */
    public static void updateDisplay(String id, String mime, Object o) {
        DISPLAYED.add(o);
    }

    /** Number of objects displayed since the last {@link #reset()}. */
    public static int displayedCount() {
        return DISPLAYED.size();
    }

    static void reset() {
        DISPLAYED.clear();
    }
}
