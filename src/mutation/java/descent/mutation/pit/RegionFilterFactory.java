package descent.mutation.pit;

import java.util.Collection;
import java.util.stream.Collectors;
import org.pitest.bytecode.analysis.ClassTree;
import org.pitest.mutationtest.build.InterceptorParameters;
import org.pitest.mutationtest.build.InterceptorType;
import org.pitest.mutationtest.build.MutationInterceptor;
import org.pitest.mutationtest.build.MutationInterceptorFactory;
import org.pitest.mutationtest.engine.Mutater;
import org.pitest.mutationtest.engine.MutationDetails;
import org.pitest.plugin.Feature;

/**
 * A PIT filter that keeps only the mutants on the lines of a solution region: the rest of a solution class (a
 * forward pass given to the student, a helper) is not the student's code, so mutating it would cost time and say
 * nothing about the graded tests.
 */
public final class RegionFilterFactory implements MutationInterceptorFactory {

    @Override
    public String description() {
        return "Descent: mutate only the lines inside BEGIN/END SOLUTION regions";
    }

    @Override
    public Feature provides() {
        return Feature.named("DESCENT_REGIONS").withOnByDefault(true).withDescription(description());
    }

    @Override
    public MutationInterceptor createInterceptor(InterceptorParameters params) {
        RegionPlan plan = RegionPlan.get();
        return new MutationInterceptor() {
            @Override
            public InterceptorType type() {
                return InterceptorType.FILTER;
            }

            @Override
            public void begin(ClassTree clazz) {
            }

            @Override
            public Collection<MutationDetails> intercept(Collection<MutationDetails> mutations, Mutater m) {
                return mutations.stream()
                        .filter(d -> plan.find(d.getClassName().asJavaName(), d.getLineNumber()) != null)
                        .collect(Collectors.toList());
            }

            @Override
            public void end() {
            }
        };
    }
}
