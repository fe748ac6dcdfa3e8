package capstone;

/** Right answers, but each call leaves a thread that calls System.exit a second later. */
public final class Stray {
    private Stray() {
    }

    public static double answer(double x) {
        Thread t = new Thread(() -> {
            try {
                Thread.sleep(1000);
            } catch (InterruptedException e) {
                // exit anyway
            }
            System.exit(1);
        }, "stray");
        t.start();
        return 2 * x;
    }
}
