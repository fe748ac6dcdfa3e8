package descent.grader.exercise;

import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.JavacTask;
import com.sun.source.util.TreePath;
import com.sun.source.util.Trees;
import descent.grader.Chapters;
import descent.grader.compile.Javac;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.RecordComponentElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.ArrayType;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.type.WildcardType;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * The exercises' signatures, read from a trusted tree ({@code solutions/}, or the course's own {@code exercises/}),
 * and checked against the signature rule (docs/conventions.md): exercises are static methods of a public final class
 * in a chapter package, whose parameter and return types are primitives, {@code String}, arrays of them (any rank),
 * {@code List}s of them, functional interfaces of {@code java.util.function} over them (parameters only: callbacks
 * into the test), and records or enums declared inside an exercise class of the same package. Those are exactly the
 * values {@link descent.grader.wire.Codec} carries, so every call a graded test makes can be forwarded to the student
 * JVM. Compile-time constants ({@code static final} fields) are kept too.
 * <p>
 * The sources are analysed by javac (attribution only, nothing is generated or loaded), so a tree that cannot be
 * trusted to run could still be read safely.
 */
public final class ExerciseApi {

    /** A parameter or record component: its name, its type as source text and its erasure (for a class literal). */
    public record Param(String name, String type, String erasure) {
    }

    /** A static method the graded tests call; forwarded to the student JVM. */
    public record Method(String name, String returnType, String returnErasure, List<Param> params, boolean varargs,
            boolean isPublic) {
    }

    /** A record or enum declared in an exercise class. */
    public record Nested(String kind, String simpleName, List<Param> components, List<String> constants) {
    }

    /** A compile-time constant: {@code static final TYPE NAME = LITERAL;}. */
    public record Constant(String type, String name, String literal, boolean isPublic) {
    }

    /** One exercise class. */
    public record ExerciseClass(String name, String pkg, String simpleName, Path file, int line,
            List<Method> methods, List<Nested> nested, List<Constant> constants) {
    }

    /** A place where a source breaks the signature rule; {@code where} is {@code file:line}. */
    public record Violation(String where, String message) {
        @Override
        public String toString() {
            return where + ": " + message;
        }
    }

    /** Where the rule is explained, quoted in every violation. */
    public static final String RULE = "the exercise signature rule in docs/conventions.md";

    private final List<ExerciseClass> classes;
    private final List<Violation> violations;
    private final List<String> errors;

    private ExerciseApi(List<ExerciseClass> classes, List<Violation> violations, List<String> errors) {
        this.classes = List.copyOf(classes);
        this.violations = List.copyOf(violations);
        this.errors = List.copyOf(errors);
    }

    /** The exercise classes, by source file order. */
    public List<ExerciseClass> classes() {
        return classes;
    }

    /** Every break of the signature rule. */
    public List<Violation> violations() {
        return violations;
    }

    /** Compile errors of the trusted tree itself (then the API may be incomplete). */
    public List<String> errors() {
        return errors;
    }

    /** The chapter packages that have exercises. */
    public Set<String> packages() {
        Set<String> out = new HashSet<>();
        classes.forEach(c -> out.add(c.pkg()));
        return out;
    }

    /**
     * Reads the exercise classes of every {@code .java} file below {@code tree}.
     *
     * @param javac names files in messages, relative to the course root
     * @param classpath the library, which the sources may use
     */
    public static ExerciseApi read(Path tree, Javac javac, List<String> classpath) {
        List<Path> files = Javac.javaFiles(tree);
        List<ExerciseClass> classes = new ArrayList<>();
        List<Violation> violations = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        if (files.isEmpty()) {
            return new ExerciseApi(classes, violations, errors);
        }
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        if (compiler == null) {
            throw new IllegalStateException("no Java compiler in " + System.getProperty("java.home"));
        }
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        try (StandardJavaFileManager fm = compiler.getStandardFileManager(diagnostics, Locale.ROOT,
                StandardCharsets.UTF_8)) {
            JavacTask task = (JavacTask) compiler.getTask(null, fm, diagnostics, List.of("-proc:none", "-encoding",
                    "UTF-8", "-classpath", String.join(File.pathSeparator, classpath), "-implicit:none",
                    "-sourcepath", "", "--release", "17"), null, fm.getJavaFileObjectsFromPaths(files));
            Iterable<? extends CompilationUnitTree> units = task.parse();
            task.analyze();
            for (Diagnostic<? extends JavaFileObject> d : diagnostics.getDiagnostics()) {
                if (d.getKind() == Diagnostic.Kind.ERROR) {
                    String file = d.getSource() == null ? "?" : javac.where(Path.of(d.getSource().toUri()));
                    errors.add(file + ":" + d.getLineNumber() + ": " + d.getMessage(Locale.ROOT).lines().findFirst()
                            .orElse(""));
                }
            }
            new Reader(task, javac, classes, violations).read(units);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new ExerciseApi(classes, violations, errors);
    }

    /** Walks the analysed compilation units. */
    private static final class Reader {
        private final Trees trees;
        private final Elements elements;
        private final Types types;
        private final Javac javac;
        private final List<ExerciseClass> classes;
        private final List<Violation> violations;
        private CompilationUnitTree unit;
        private Path file;

        Reader(JavacTask task, Javac javac, List<ExerciseClass> classes, List<Violation> violations) {
            this.trees = Trees.instance(task);
            this.elements = task.getElements();
            this.types = task.getTypes();
            this.javac = javac;
            this.classes = classes;
            this.violations = violations;
        }

        void read(Iterable<? extends CompilationUnitTree> units) {
            for (CompilationUnitTree cu : units) {
                unit = cu;
                file = Path.of(cu.getSourceFile().toUri()).toAbsolutePath().normalize();
                for (Tree t : cu.getTypeDecls()) {
                    Element e = trees.getElement(TreePath.getPath(cu, t));
                    if (e instanceof TypeElement te) {
                        readClass(te);
                    }
                }
            }
        }

        private int line(Element e) {
            Tree t = trees.getTree(e);
            if (t == null) {
                return 1;
            }
            long pos = trees.getSourcePositions().getStartPosition(unit, t);
            return pos < 0 ? 1 : (int) unit.getLineMap().getLineNumber(pos);
        }

        private void violation(Element e, String message) {
            violations.add(new Violation(javac.where(file) + ":" + line(e), message + " (see " + RULE + ")"));
        }

        private void readClass(TypeElement c) {
            String pkg = elements.getPackageOf(c).getQualifiedName().toString();
            if (!Chapters.isChapterPackage(pkg)) {
                violation(c, c.getSimpleName() + " is in package '" + pkg + "', which is not a chapter package ("
                        + Chapters.packages() + ")");
                return;
            }
            if (c.getKind() != ElementKind.CLASS || !c.getModifiers().contains(Modifier.PUBLIC)
                    || !c.getModifiers().contains(Modifier.FINAL)) {
                violation(c, c.getSimpleName() + " must be a public final class");
                if (c.getKind() != ElementKind.CLASS) {
                    return;
                }
            }
            Set<String> nestedNames = new HashSet<>();
            for (Element m : c.getEnclosedElements()) {
                if ((m.getKind() == ElementKind.RECORD || m.getKind() == ElementKind.ENUM)
                        && !m.getModifiers().contains(Modifier.PRIVATE)) {
                    nestedNames.add(((TypeElement) m).getQualifiedName().toString());
                }
            }
            // records and enums of the other exercise classes of the package count too
            for (Element sibling : elements.getPackageOf(c).getEnclosedElements()) {
                for (Element m : sibling.getEnclosedElements()) {
                    if (m.getKind() == ElementKind.RECORD || m.getKind() == ElementKind.ENUM) {
                        nestedNames.add(((TypeElement) m).getQualifiedName().toString());
                    }
                }
            }
            List<Method> methods = new ArrayList<>();
            List<Nested> nested = new ArrayList<>();
            List<Constant> constants = new ArrayList<>();
            for (Element m : c.getEnclosedElements()) {
                boolean isPrivate = m.getModifiers().contains(Modifier.PRIVATE);
                boolean isStatic = m.getModifiers().contains(Modifier.STATIC);
                switch (m.getKind()) {
                    case CONSTRUCTOR -> {
                        if (!isPrivate && elements.getOrigin(m) != Elements.Origin.MANDATED) {
                            violation(m, "constructor " + c.getSimpleName() + "(...) is not private: an exercise class "
                                    + "has only static methods (pass state as arrays that the method updates)");
                        }
                    }
                    case METHOD -> {
                        if (isPrivate) {
                            continue;
                        }
                        ExecutableElement x = (ExecutableElement) m;
                        if (!isStatic) {
                            violation(m, "instance method " + x.getSimpleName() + " is not static: exercises are "
                                    + "static methods (pass state as arrays that the method updates)");
                            continue;
                        }
                        if (!x.getTypeParameters().isEmpty()) {
                            violation(m, x.getSimpleName() + " has type parameters; exercise methods are not generic");
                            continue;
                        }
                        List<Param> params = new ArrayList<>();
                        boolean ok = true;
                        for (VariableElement p : x.getParameters()) {
                            String why = problem(p.asType(), Position.PARAM, nestedNames);
                            if (why != null) {
                                violation(m, x.getSimpleName() + ", parameter " + p.getSimpleName() + ": " + why);
                                ok = false;
                            }
                            params.add(new Param(p.getSimpleName().toString(), p.asType().toString(),
                                    types.erasure(p.asType()).toString()));
                        }
                        String why = problem(x.getReturnType(), Position.RETURN, nestedNames);
                        if (why != null) {
                            violation(m, x.getSimpleName() + ", return type: " + why);
                            ok = false;
                        }
                        if (ok) {
                            methods.add(new Method(x.getSimpleName().toString(), x.getReturnType().toString(),
                                    types.erasure(x.getReturnType()).toString(), params, x.isVarArgs(),
                                    m.getModifiers().contains(Modifier.PUBLIC)));
                        }
                    }
                    case FIELD -> {
                        if (isPrivate) {
                            continue;
                        }
                        VariableElement f = (VariableElement) m;
                        Object value = f.getConstantValue();
                        if (isStatic && m.getModifiers().contains(Modifier.FINAL) && value != null) {
                            constants.add(new Constant(f.asType().toString(), f.getSimpleName().toString(),
                                    elements.getConstantExpression(value), m.getModifiers().contains(Modifier.PUBLIC)));
                        } else {
                            violation(m, "field " + f.getSimpleName() + " is not private and not a constant: "
                                    + "exercise classes hold no state the tests can see");
                        }
                    }
                    case RECORD -> {
                        if (!isPrivate) {
                            nested.add(record((TypeElement) m, nestedNames));
                        }
                    }
                    case ENUM -> {
                        if (!isPrivate) {
                            nested.add(enumeration((TypeElement) m));
                        }
                    }
                    case CLASS, INTERFACE, ANNOTATION_TYPE -> {
                        if (!isPrivate) {
                            violation(m, "nested type " + m.getSimpleName() + " must be private, a record or an enum");
                        }
                    }
                    default -> {
                    }
                }
            }
            classes.add(new ExerciseClass(elements.getBinaryName(c).toString(), pkg, c.getSimpleName().toString(),
                    file, line(c), methods, nested, constants));
        }

        private Nested record(TypeElement r, Set<String> nestedNames) {
            List<Param> comps = new ArrayList<>();
            for (RecordComponentElement rc : r.getRecordComponents()) {
                String why = problem(rc.asType(), Position.COMPONENT, nestedNames);
                if (why != null) {
                    violation(rc, "record " + r.getSimpleName() + ", component " + rc.getSimpleName() + ": " + why);
                }
                comps.add(new Param(rc.getSimpleName().toString(), rc.asType().toString(),
                        types.erasure(rc.asType()).toString()));
            }
            for (Element m : r.getEnclosedElements()) {
                if (m.getKind() == ElementKind.METHOD && !m.getModifiers().contains(Modifier.PRIVATE)
                        && trees.getTree(m) != null
                        && r.getRecordComponents().stream().noneMatch(rc -> rc.getSimpleName().equals(m.getSimpleName()))) {
                    violation(m, "record " + r.getSimpleName() + " has method " + m.getSimpleName()
                            + ": records in exercises hold data only");
                }
            }
            return new Nested("record", r.getSimpleName().toString(), comps, List.of());
        }

        private Nested enumeration(TypeElement e) {
            List<String> constants = new ArrayList<>();
            for (Element m : e.getEnclosedElements()) {
                if (m.getKind() == ElementKind.ENUM_CONSTANT) {
                    constants.add(m.getSimpleName().toString());
                } else if (m.getKind() == ElementKind.METHOD && !m.getModifiers().contains(Modifier.PRIVATE)
                        && trees.getTree(m) != null) {
                    violation(m, "enum " + e.getSimpleName() + " has method " + m.getSimpleName()
                            + ": enums in exercises are plain constants");
                }
            }
            return new Nested("enum", e.getSimpleName().toString(), List.of(), constants);
        }

        private enum Position { PARAM, RETURN, COMPONENT, ELEMENT }

        /** Why a type may not appear here, or null when it may. */
        private String problem(TypeMirror t, Position pos, Set<String> nestedNames) {
            switch (t.getKind()) {
                case BOOLEAN, BYTE, SHORT, INT, LONG, CHAR, FLOAT, DOUBLE -> {
                    return null;
                }
                case VOID -> {
                    return pos == Position.RETURN ? null : "void";
                }
                case ARRAY -> {
                    TypeMirror comp = ((ArrayType) t).getComponentType();
                    return comp.getKind().isPrimitive() ? null : problem(comp, Position.ELEMENT, nestedNames);
                }
                case WILDCARD -> {
                    WildcardType w = (WildcardType) t;
                    TypeMirror b = w.getSuperBound() != null ? w.getSuperBound() : w.getExtendsBound();
                    return b == null ? "an unbounded wildcard" : problem(b, Position.ELEMENT, nestedNames);
                }
                case TYPEVAR -> {
                    return "type variable " + t + " (exercise methods are not generic)";
                }
                case DECLARED -> {
                    DeclaredType d = (DeclaredType) t;
                    TypeElement e = (TypeElement) d.asElement();
                    String name = e.getQualifiedName().toString();
                    if (name.equals("java.lang.String") || BOXES.contains(name)) {
                        return null;
                    }
                    if (name.equals("java.util.List")) {
                        if (d.getTypeArguments().isEmpty()) {
                            return "a raw List (write List<double[]>, List<int[]>, ...)";
                        }
                        TypeMirror a = d.getTypeArguments().get(0);
                        if (isFunction(a)) {
                            return "a List of functions";
                        }
                        return problem(a, Position.ELEMENT, nestedNames);
                    }
                    if (name.startsWith("java.util.function.") && e.getKind() == ElementKind.INTERFACE) {
                        if (pos != Position.PARAM) {
                            return name + " only as a parameter (a function the test passes in)";
                        }
                        for (TypeMirror a : d.getTypeArguments()) {
                            if (isFunction(a)) {
                                return "a function of functions";
                            }
                            String why = problem(a, Position.ELEMENT, nestedNames);
                            if (why != null) {
                                return why;
                            }
                        }
                        return null;
                    }
                    if (nestedNames.contains(name)) {
                        return null;
                    }
                    return name + " is not allowed in an exercise signature (pass data as arrays, seeds as long; "
                            + "use a record or enum declared in the exercise class)";
                }
                default -> {
                    return t + " is not allowed in an exercise signature";
                }
            }
        }

        private boolean isFunction(TypeMirror t) {
            if (t.getKind() == TypeKind.WILDCARD) {
                WildcardType w = (WildcardType) t;
                t = w.getSuperBound() != null ? w.getSuperBound() : w.getExtendsBound();
                if (t == null) {
                    return false;
                }
            }
            return t.getKind() == TypeKind.DECLARED && ((TypeElement) ((DeclaredType) t).asElement()).getQualifiedName()
                    .toString().startsWith("java.util.function.");
        }

        private static final Set<String> BOXES = Set.of("java.lang.Double", "java.lang.Integer", "java.lang.Long",
                "java.lang.Boolean", "java.lang.Float", "java.lang.Short", "java.lang.Byte", "java.lang.Character");
    }
}
