package capstone;

/** Defect: state in an object; exercises are static methods (the grader cannot forward a constructor). */
public final class Counter {
    private int n;

    public Counter() {
    }

    public int next() {
        // BEGIN SOLUTION 91.5 counter
        return ++n;
        // END SOLUTION
    }
}
