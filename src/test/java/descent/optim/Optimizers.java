package descent.optim;

import descent.nn.Param;
import descent.regularize.MaxNorm;
import descent.regularize.ProjectedOptimizer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * Every concrete {@link Optimizer} of the library, found by scanning the compiled classes (so a new optimizer is
 * covered by the property tests the moment it exists), and how to build each with its defaults: through its
 * {@code (List<Param>)} constructor, or — for a wrapper — its {@code (Optimizer)} constructor around SGD, or an
 * entry in {@link #SPECIAL} for a constructor that needs more.
 */
final class Optimizers {

    private Optimizers() {
    }

    /** A way to build one optimizer over given parameters, with a label for messages. */
    record Maker(String label, Function<List<Param>, Optimizer> make) {
        Optimizer apply(List<Param> ps) {
            return make.apply(ps);
        }

        @Override
        public String toString() {
            return label;
        }
    }

    /** Optimizers whose constructors need more than parameters or a base optimizer. */
    static final Map<Class<?>, Function<List<Param>, Optimizer>> SPECIAL = Map.of(
            ProjectedOptimizer.class, ps -> new ProjectedOptimizer(new SGD(ps), new MaxNorm(ps, 100)));

    /** Further settings of discovered classes (the second form of a two-form algorithm). */
    static final List<Maker> VARIANTS = List.of(
            new Maker("Nesterov, re-parameterized", ps -> new Nesterov(ps, 0.01, 0.9, Nesterov.Form.REPARAMETERIZED)),
            new Maker("Momentum, rate on the step", ps -> new Momentum(ps, 0.01, 0.9, Momentum.Form.RATE_ON_STEP)),
            new Maker("SAM around Adam", ps -> new SAM(new Adam(ps))));

    /** Every public, concrete subclass of Optimizer under target/classes. */
    static List<Class<? extends Optimizer>> classes() {
        Path root;
        try {
            root = Path.of(Optimizer.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
        List<Class<? extends Optimizer>> out = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".class") && !p.getFileName().toString().contains("$")).toList()) {
                String name = root.relativize(f).toString().replace(f.getFileSystem().getSeparator(), ".").replaceAll("\\.class$", "");
                Class<?> c = Class.forName(name, false, Optimizer.class.getClassLoader());
                if (Optimizer.class.isAssignableFrom(c) && !Modifier.isAbstract(c.getModifiers()) && Modifier.isPublic(c.getModifiers())) {
                    out.add(c.asSubclass(Optimizer.class));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
        out.sort((a, b) -> a.getName().compareTo(b.getName()));
        return out;
    }

    /** How to build class c with its defaults, or null when there is no way. */
    static Function<List<Param>, Optimizer> maker(Class<? extends Optimizer> c) {
        if (SPECIAL.containsKey(c)) {
            return SPECIAL.get(c);
        }
        try {
            Constructor<? extends Optimizer> k = c.getConstructor(List.class);
            return ps -> construct(k, ps);
        } catch (NoSuchMethodException e) {
            // a wrapper, perhaps
        }
        try {
            Constructor<? extends Optimizer> k = c.getConstructor(Optimizer.class);
            return ps -> construct(k, new SGD(ps));
        } catch (NoSuchMethodException e) {
            return null;
        }
    }

    private static Optimizer construct(Constructor<? extends Optimizer> k, Object arg) {
        try {
            return k.newInstance(arg);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot build " + k, e);
        }
    }

    /** One maker per discovered class (those that cannot be built are left out: see the contract test), then the variants. */
    static List<Maker> all() {
        List<Maker> out = new ArrayList<>();
        for (Class<? extends Optimizer> c : classes()) {
            Function<List<Param>, Optimizer> m = maker(c);
            if (m != null) {
                out.add(new Maker(c.getSimpleName(), m));
            }
        }
        out.addAll(VARIANTS);
        return out;
    }
}
