package descent.grader.exercise;

import descent.grader.exercise.ExerciseApi.Constant;
import descent.grader.exercise.ExerciseApi.ExerciseClass;
import descent.grader.exercise.ExerciseApi.Method;
import descent.grader.exercise.ExerciseApi.Nested;
import descent.grader.exercise.ExerciseApi.Param;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Writes the forwarding stubs the graded tests are compiled against in the grader's JVM: for each exercise class a
 * class of the same name whose static methods send their arguments to the student JVM and return what comes back
 * ({@link descent.grader.run.Bridge#call}), with the same records, enums and constants. No student code is in them.
 */
public final class StubWriter {

    private static final Map<String, String> BOX = Map.of("double", "Double", "int", "Integer", "long", "Long",
            "boolean", "Boolean", "float", "Float", "short", "Short", "byte", "Byte", "char", "Character");

    private StubWriter() {
    }

    /** Writes one source file per exercise class under {@code out/<package>/}; returns the files. */
    public static List<Path> write(List<ExerciseClass> classes, Path out) {
        List<Path> files = new ArrayList<>();
        try {
            for (ExerciseClass c : classes) {
                Path f = out.resolve(c.pkg().replace('.', '/')).resolve(c.simpleName() + ".java");
                Files.createDirectories(f.getParent());
                Files.writeString(f, source(c));
                files.add(f);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return files;
    }

    /** The stub source of one exercise class. */
    static String source(ExerciseClass c) {
        StringBuilder sb = new StringBuilder();
        sb.append("package ").append(c.pkg()).append(";\n\n");
        sb.append("/** Forwarding stub written by the grader: every call runs the student's ").append(c.simpleName())
                .append(" in the student JVM. */\n");
        sb.append("public final class ").append(c.simpleName()).append(" {\n");
        sb.append("    private ").append(c.simpleName()).append("() {\n    }\n");
        for (Constant k : c.constants()) {
            sb.append("    ").append(k.isPublic() ? "public " : "").append("static final ").append(k.type()).append(' ')
                    .append(k.name()).append(" = ").append(k.literal()).append(";\n");
        }
        for (Nested n : c.nested()) {
            if (n.kind().equals("record")) {
                sb.append("    public record ").append(n.simpleName()).append('(');
                sb.append(String.join(", ", n.components().stream().map(p -> p.type() + " " + p.name()).toList()));
                sb.append(") {\n    }\n");
            } else {
                sb.append("    public enum ").append(n.simpleName()).append(" {\n        ")
                        .append(String.join(", ", n.constants())).append("\n    }\n");
            }
        }
        for (Method m : c.methods()) {
            boolean isVoid = m.returnType().equals("void");
            sb.append("    @SuppressWarnings(\"unchecked\")\n    ").append(m.isPublic() ? "public " : "").append("static ")
                    .append(m.returnType()).append(' ').append(m.name()).append('(');
            List<String> params = new ArrayList<>();
            for (int i = 0; i < m.params().size(); i++) {
                Param p = m.params().get(i);
                String type = p.type();
                if (m.varargs() && i == m.params().size() - 1 && type.endsWith("[]")) {
                    type = type.substring(0, type.length() - 2) + "...";
                }
                params.add(type + " " + p.name());
            }
            sb.append(String.join(", ", params)).append(") {\n        ");
            if (!isVoid) {
                String cast = BOX.getOrDefault(m.returnType(), m.returnType());
                sb.append("return (").append(cast).append(") ");
            }
            sb.append("descent.grader.run.Bridge.call(").append(c.simpleName()).append(".class, \"").append(m.name())
                    .append("\", new Class<?>[]{");
            sb.append(String.join(", ", m.params().stream().map(p -> p.erasure() + ".class").toList()));
            sb.append("}, new Object[]{");
            sb.append(String.join(", ", m.params().stream().map(Param::name).toList()));
            sb.append("});\n    }\n");
        }
        sb.append("}\n");
        return sb.toString();
    }
}
