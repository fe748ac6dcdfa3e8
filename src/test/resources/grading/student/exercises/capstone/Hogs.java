package capstone;

import java.util.ArrayList;
import java.util.List;

public final class Hogs {
    public static int hoard() {
        List<long[]> keep = new ArrayList<>();
        while (true) {
            keep.add(new long[10_000_000]);
        }
    }
}
