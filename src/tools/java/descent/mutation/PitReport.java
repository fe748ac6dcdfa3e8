package descent.mutation;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/** PIT's XML report ({@code mutations.xml}) read into one record per mutant. */
public final class PitReport {

    private PitReport() {
    }

    /**
     * One mutant as PIT reports it.
     *
     * @param file        the source file name, e.g. {@code ClipByNorm.java}
     * @param className   the mutated class, nested classes with {@code $}
     * @param index       PIT's instruction index (orders mutants that share a line and description)
     * @param mutator     the mutator's configuration name, e.g. {@code CONDITIONALS_BOUNDARY}
     * @param status      {@code KILLED}, {@code SURVIVED}, {@code NO_COVERAGE}, {@code TIMED_OUT}, ...
     * @param detected    whether a test noticed it (killed, timed out, out of memory, run error)
     * @param killingTest the test method that noticed it, or empty
     */
    public record Mutant(String file, String className, String method, int line, int index, String mutator,
                         String description, String status, boolean detected, String killingTest) {
    }

    /** PIT's mutator class names and the names its configuration uses for them. */
    private static final Map<String, String> NAMES = Map.ofEntries(
            Map.entry("ConditionalsBoundaryMutator", "CONDITIONALS_BOUNDARY"),
            Map.entry("NegateConditionalsMutator", "NEGATE_CONDITIONALS"),
            Map.entry("MathMutator", "MATH"),
            Map.entry("IncrementsMutator", "INCREMENTS"),
            Map.entry("InvertNegsMutator", "INVERT_NEGS"),
            Map.entry("InlineConstantMutator", "INLINE_CONSTS"),
            Map.entry("VoidMethodCallMutator", "VOID_METHOD_CALLS"),
            Map.entry("NonVoidMethodCallMutator", "NON_VOID_METHOD_CALLS"),
            Map.entry("ConstructorCallMutator", "CONSTRUCTOR_CALLS"),
            Map.entry("RemoveIncrementsMutator", "REMOVE_INCREMENTS"),
            Map.entry("PrimitiveReturnsMutator", "PRIMITIVE_RETURNS"),
            Map.entry("EmptyObjectReturnValsMutator", "EMPTY_RETURNS"),
            Map.entry("NullReturnValsMutator", "NULL_RETURNS"),
            Map.entry("BooleanTrueReturnValsMutator", "TRUE_RETURNS"),
            Map.entry("BooleanFalseReturnValsMutator", "FALSE_RETURNS"),
            Map.entry("RemoveConditionalMutator_EQUAL_IF", "REMOVE_CONDITIONALS_EQUAL_IF"),
            Map.entry("RemoveConditionalMutator_EQUAL_ELSE", "REMOVE_CONDITIONALS_EQUAL_ELSE"),
            Map.entry("RemoveConditionalMutator_ORDER_IF", "REMOVE_CONDITIONALS_ORDER_IF"),
            Map.entry("RemoveConditionalMutator_ORDER_ELSE", "REMOVE_CONDITIONALS_ORDER_ELSE"),
            Map.entry("RemoveSwitchMutator", "EXPERIMENTAL_SWITCH"),
            Map.entry("SwitchMutator", "EXPERIMENTAL_SWITCH"));

    /** The configuration name of a PIT mutator class ({@code org.pitest...MathMutator} → {@code MATH}). */
    static String mutatorName(String className) {
        String simple = className.substring(className.lastIndexOf('.') + 1);
        return NAMES.getOrDefault(simple, simple);
    }

    /** Reads PIT's {@code mutations.xml}. */
    public static List<Mutant> read(Path xml) {
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            NodeList nodes = f.newDocumentBuilder().parse(xml.toFile()).getDocumentElement().getElementsByTagName("mutation");
            List<Mutant> out = new ArrayList<>(nodes.getLength());
            for (int i = 0; i < nodes.getLength(); i++) {
                Element m = (Element) nodes.item(i);
                out.add(new Mutant(text(m, "sourceFile"), text(m, "mutatedClass"), text(m, "mutatedMethod"),
                        Integer.parseInt(text(m, "lineNumber")), firstInt(text(m, "index")),
                        mutatorName(text(m, "mutator")), text(m, "description"), m.getAttribute("status"),
                        Boolean.parseBoolean(m.getAttribute("detected")), testMethod(text(m, "killingTest"))));
            }
            return out;
        } catch (ParserConfigurationException | SAXException | IOException e) {
            throw new IllegalStateException("cannot read PIT's report " + xml + ": " + e.getMessage(), e);
        }
    }

    private static String text(Element e, String tag) {
        NodeList l = e.getElementsByTagName(tag);
        if (l.getLength() == 0) {
            return "";
        }
        Node n = l.item(0);
        return n.getTextContent().strip();
    }

    private static int firstInt(String s) {
        return s.isEmpty() ? 0 : Integer.parseInt(s);
    }

    /**
     * The readable name of PIT's JUnit 5 test id:
     * {@code firstorder.ClipByNormTest.[engine:junit-jupiter]/[class:...]/[method:clipsALongGradient()]} →
     * {@code ClipByNormTest.clipsALongGradient}.
     */
    static String testMethod(String id) {
        if (id.isEmpty()) {
            return "";
        }
        int at = id.indexOf(".[");
        String cls = at < 0 ? id : id.substring(0, at);
        cls = cls.substring(cls.lastIndexOf('.') + 1);
        int m = id.lastIndexOf("[method:");
        if (m < 0) {
            return cls;
        }
        String method = id.substring(m + "[method:".length());
        int paren = method.indexOf('(');
        return cls + "." + (paren < 0 ? method.replace("]", "") : method.substring(0, paren));
    }
}
