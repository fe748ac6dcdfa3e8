package descent.mutation.pit;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.pitest.classpath.CodeSource;
import org.pitest.mutationtest.build.MutationGrouper;
import org.pitest.mutationtest.build.MutationGrouperFactory;
import org.pitest.mutationtest.engine.MutationDetails;

/**
 * Packs the mutants of many solution classes into one unit per thread, so PIT starts two test JVMs for the whole
 * course instead of one per class (a JVM start costs more than the mutants of a small exercise).
 * <p>
 * Why this is safe: PIT leaves a class mutated after its last mutant ran, so a packed unit must never run tests that
 * use a class mutated earlier in the same unit. Each class's mutants run together and only its own exercise's tests
 * run for them; a class that another exercise's tests (or another solution) use is marked {@code isolate} in the
 * plan and keeps a unit of its own, as PIT does by default.
 */
public final class FewMinionsFactory implements MutationGrouperFactory {

    @Override
    public String description() {
        return "Descent: one unit of mutants per thread, classes kept together";
    }

    @Override
    public MutationGrouper makeFactory(Properties props, CodeSource code, int threads, int unitSize) {
        RegionPlan plan = RegionPlan.get();
        return (classes, mutations) -> {
            Map<String, List<MutationDetails>> byClass = new LinkedHashMap<>();
            for (MutationDetails m : mutations) {
                byClass.computeIfAbsent(m.getClassName().asJavaName(), k -> new ArrayList<>()).add(m);
            }
            List<List<MutationDetails>> units = new ArrayList<>();
            List<List<MutationDetails>> packed = new ArrayList<>();
            long[] load = new long[Math.max(1, threads)];
            for (int i = 0; i < load.length; i++) {
                packed.add(new ArrayList<>());
            }
            List<List<MutationDetails>> groups = new ArrayList<>(byClass.values());
            groups.sort(Comparator.comparingLong(FewMinionsFactory::cost).reversed());
            for (List<MutationDetails> g : groups) {
                if (plan.isolated(g.get(0).getClassName().asJavaName())) {
                    units.add(g);
                    continue;
                }
                int least = 0;
                for (int i = 1; i < load.length; i++) {
                    if (load[i] < load[least]) {
                        least = i;
                    }
                }
                packed.get(least).addAll(g);
                load[least] += cost(g);
            }
            for (List<MutationDetails> p : packed) {
                if (!p.isEmpty()) {
                    units.add(p);
                }
            }
            return units;
        };
    }

    /** Estimated milliseconds: the fastest assigned test of each mutant (most mutants die on it), plus overhead. */
    private static long cost(Collection<MutationDetails> group) {
        long ms = 0;
        for (MutationDetails m : group) {
            ms += 5 + (m.getTestsInOrder().isEmpty() ? 0 : m.getTestsInOrder().get(0).getTime());
        }
        return ms;
    }
}
