package descent.mutation.pit;

import java.util.List;
import java.util.Properties;
import java.util.stream.Collectors;
import org.pitest.classinfo.ClassName;
import org.pitest.classpath.CodeSource;
import org.pitest.coverage.CoverageDatabase;
import org.pitest.coverage.TestInfo;
import org.pitest.mutationtest.build.DefaultTestPrioritiser;
import org.pitest.mutationtest.build.TestPrioritiser;
import org.pitest.mutationtest.build.TestPrioritiserFactory;

/**
 * PIT's test picker, restricted to the graded tests of the mutant's own exercise: a student's method is graded by
 * its exercise's tests alone, so a mutant that only another exercise's test notices counts as a survivor. Among
 * those tests PIT's default order (coverage, then speed) applies.
 */
public final class ExerciseTestsFactory implements TestPrioritiserFactory {

    @Override
    public String description() {
        return "Descent: run only the graded tests of the mutant's exercise";
    }

    @Override
    public TestPrioritiser makeTestPrioritiser(Properties props, CodeSource code, CoverageDatabase coverage) {
        RegionPlan plan = RegionPlan.get();
        DefaultTestPrioritiser byCoverage = new DefaultTestPrioritiser(coverage);
        return mutation -> {
            RegionPlan.Region r = plan.find(mutation.getClassName().asJavaName(), mutation.getLineNumber());
            if (r == null) {
                return List.of();
            }
            return byCoverage.assignTests(mutation).stream()
                    .filter(t -> r.tests().contains(definingClass(t)))
                    .collect(Collectors.toList());
        };
    }

    private static String definingClass(TestInfo t) {
        // the JUnit 5 plugin names a test "<class>.[engine:junit-jupiter]/[class:<class>]/[method:...]"
        int at = t.getName().indexOf(".[");
        if (at > 0) {
            return t.getName().substring(0, at);
        }
        ClassName c = TestInfo.toDefiningClassName().apply(t);
        return c == null ? t.getName() : c.asJavaName();
    }
}
