package descent;

import descent.linalg.Blas;

import java.awt.GraphicsEnvironment;

/**
 * What {@code ./descent doctor} asks the JVM: Java runtime, which BLAS netlib picked (native OpenBLAS through
 * JNI, or the pure-Java fallback), whether AWT is headless and has fonts to draw axis labels with.
 */
public final class Doctor {

    private Doctor() {
    }

    public static void main(String[] args) {
        System.out.println("runtime:   Java " + System.getProperty("java.runtime.version") + " ("
                + System.getProperty("java.vm.name") + ", " + Runtime.getRuntime().availableProcessors() + " cores, max heap "
                + Runtime.getRuntime().maxMemory() / (1024 * 1024) + " MB)");
        System.out.println("BLAS:      " + Blas.implementation() + "  ["
                + dev.ludovic.netlib.blas.BLAS.getInstance().getClass().getName() + "]");
        if (!Blas.isNative()) {
            System.out.println("           the Java fallback works but is slower; for OpenBLAS: apt-get install -y libopenblas0");
        }
        System.out.println("OpenBLAS threads: OPENBLAS_NUM_THREADS=" + System.getenv().getOrDefault("OPENBLAS_NUM_THREADS", "(unset)"));
        String fonts;
        try {
            fonts = GraphicsEnvironment.getLocalGraphicsEnvironment().getAvailableFontFamilyNames().length + " font families";
        } catch (Throwable e) {
            fonts = "NO FONTS (" + e + ") -> apt-get install -y fontconfig fonts-dejavu-core";
        }
        System.out.println("graphics:  headless=" + GraphicsEnvironment.isHeadless() + ", " + fonts);
    }
}
