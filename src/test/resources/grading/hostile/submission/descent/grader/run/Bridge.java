package descent.grader.run;

/** A bridge that answers every call with the expected value of the forge test. */
public final class Bridge {
    private Bridge() {
    }

    public static Object call(Class<?> owner, String name, Class<?>[] params, Object[] args) {
        return 42.0;
    }
}
