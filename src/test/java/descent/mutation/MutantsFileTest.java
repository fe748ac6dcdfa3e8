package descent.mutation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class MutantsFileTest {

    private static final String GOOD = """
            # typical mistakes of 01.13
            mistake ∂L/∂b with the wrong sign
                replace `db[j] += g;` with `db[j] -= g;`
                replace in LinearBackward.java `a ? 1 : 0` with ``
                message ∂L/∂b
                message Table 3.1
                keeps at most 3 points

            mistake forward difference
                replace `x` with `y`
                message central
            equivalent ConjugateGradient.java `for (int t = 0; t < maxSteps && Math.sqrt(dot(g, g)) > tolerance; t++) {` changed conditional boundary #2
                because the first comparison is t < maxSteps, whose boundary the tests pin
            equivalent ClipByNorm.java   `if (norm > tau) {`   changed conditional boundary
                because at ‖g‖ = τ the factor is exactly 1
            """;

    @Test
    void readsMistakesAndEquivalents() {
        MutantsFile f = MutantsFile.parse(GOOD, "X.mutants");
        assertEquals(2, f.mistakes().size());
        MutantsFile.Mistake m = f.mistakes().get(0);
        assertEquals("∂L/∂b with the wrong sign", m.name());
        assertEquals(List.of(new MutantsFile.Replacement(null, null, "db[j] += g;", "db[j] -= g;"),
                new MutantsFile.Replacement("LinearBackward.java", null, "a ? 1 : 0", "")), m.replacements());
        assertEquals(List.of("∂L/∂b", "Table 3.1"), m.messages());
        assertEquals(3, m.keepsAtMost());
        assertEquals("X.mutants:2", m.where());
        assertEquals(-1, f.mistakes().get(1).keepsAtMost());

        assertEquals(2, f.equivalents().size());
        MutantsFile.Equivalent e = f.equivalents().get(0);
        assertEquals("ConjugateGradient.java", e.file());
        assertEquals("for (int t = 0; t < maxSteps && Math.sqrt(dot(g, g)) > tolerance; t++) {", e.line());
        assertEquals("changed conditional boundary", e.description());
        assertEquals(2, e.occurrence());
        assertEquals("the first comparison is t < maxSteps, whose boundary the tests pin", e.because());
        MutantsFile.Equivalent clip = f.equivalents().get(1);
        assertEquals("if (norm > tau) {", clip.line());
        assertEquals(0, clip.occurrence());
        assertEquals("ClipByNorm.java `if (norm > tau) {` changed conditional boundary", clip.key());
    }

    @Test
    void readsARegionBodyAndTheTestsThatMustFail() {
        MutantsFile f = MutantsFile.parse("""
                mistake forgets the bias
                    replace region in LinearBackward.java "linear layer backward" with
                        int n = x.length;
                            // deeper

                        return null;
                    fails weightAndBiasGradients,inputGradient
                    fails agreesWithFiniteDifferences
                    message ∂L/∂b
                mistake another
                    replace region with:
                        return 1;
                    message x
                """, "X.mutants");
        MutantsFile.Mistake m = f.mistakes().get(0);
        assertEquals(List.of(new MutantsFile.Replacement("LinearBackward.java", "linear layer backward", null,
                "int n = x.length;\n    // deeper\n\nreturn null;\n")), m.replacements());
        assertEquals(List.of("weightAndBiasGradients", "inputGradient", "agreesWithFiniteDifferences"), m.fails());
        assertEquals(List.of(new MutantsFile.Replacement(null, null, null, "return 1;\n")), f.mistakes().get(1).replacements());
        assertMessage("X.mutants:2: 'replace region ... with' needs the new body", "mistake m\n  replace region with\n  message x\n");
    }

    @Test
    void errorsNameTheFileAndLine() {
        assertMessage("X.mutants:1: equivalent mutant without a 'because' line",
                "equivalent A.java `x` changed conditional boundary\n");
        assertMessage("X.mutants:1: mistake 'm' has no message line", "mistake m\n    replace `a` with `b`\n");
        assertMessage("X.mutants:1: mistake 'm' has no replace line", "mistake m\n    message x\n");
        assertMessage("X.mutants:2: expected 'replace [in File.java] `old` with `new`'", "mistake m\n    replace a with b\n");
        assertMessage("X.mutants:1: expected a line starting with 'mistake' or 'equivalent'", "mistakes m\n");
        assertMessage("X.mutants:2: indented line outside", "\n   message x\n");
        assertMessage("X.mutants:1: expected: equivalent File.java `source line`", "equivalent A `x` y\n  because z\n");
        assertMessage("X.mutants:2: expected one 'because <reason>'", "equivalent A.java `x` y\n  since z\n");
        assertMessage("X.mutants:2: the text to replace is empty", "mistake m\n  replace `` with `x`\n  message m\n");
    }

    @Test
    void aMissingFileIsEmpty() {
        MutantsFile f = MutantsFile.read(java.nio.file.Path.of("no/such/File.mutants"), "x");
        assertTrue(f.mistakes().isEmpty() && f.equivalents().isEmpty());
    }

    private static void assertMessage(String start, String text) {
        MutantsFile.FormatException e = assertThrows(MutantsFile.FormatException.class, () -> MutantsFile.parse(text, "X.mutants"));
        assertTrue(e.getMessage().startsWith(start), e.getMessage());
    }
}
