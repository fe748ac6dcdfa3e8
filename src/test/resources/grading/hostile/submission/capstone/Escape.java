package capstone;

/** Messages and output with terminal escape sequences: clear the screen, set the title, overwrite a line. */
public final class Escape {
    private Escape() {
    }

    public static double answer(double x) {
        System.out.println("\u001b[2J\u001b[Hscore: 100/100");
        throw new IllegalStateException("\u001b[2J\u001b[H\u001b]0;pwned\u0007\rtotal 1000 1000");
    }
}
