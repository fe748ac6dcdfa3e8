package descent.mutation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PitReportTest {

    // Two records as PIT 1.17.4 writes them (shortened test ids).
    private static final String XML = """
            <?xml version="1.0" encoding="UTF-8"?>
            <mutations partial="true">
            <mutation detected='true' status='KILLED' numberOfTestsRun='1'><sourceFile>ClipByNorm.java</sourceFile><mutatedClass>firstorder.ClipByNorm</mutatedClass><mutatedMethod>clip</mutatedMethod><methodDescription>([DD)D</methodDescription><lineNumber>29</lineNumber><mutator>org.pitest.mutationtest.engine.gregor.mutators.MathMutator</mutator><indexes><index>44</index></indexes><blocks><block>3</block></blocks><killingTest>firstorder.ClipByNormTest.[engine:junit-jupiter]/[class:firstorder.ClipByNormTest]/[method:clipsALongGradient()]</killingTest><description>Replaced double division with multiplication</description></mutation>
            <mutation detected='false' status='SURVIVED' numberOfTestsRun='3'><sourceFile>ClipByNorm.java</sourceFile><mutatedClass>firstorder.ClipByNorm$1</mutatedClass><mutatedMethod>clip</mutatedMethod><methodDescription>([DD)D</methodDescription><lineNumber>27</lineNumber><mutator>org.pitest.mutationtest.engine.gregor.mutators.RemoveConditionalMutator_ORDER_ELSE</mutator><indexes><index>18</index><index>19</index></indexes><blocks><block>1</block></blocks><killingTest/><description>removed conditional - replaced comparison check with false</description></mutation>
            </mutations>
            """;

    @Test
    void readsEveryField(@TempDir Path dir) throws Exception {
        Path xml = dir.resolve("mutations.xml");
        Files.writeString(xml, XML);
        List<PitReport.Mutant> ms = PitReport.read(xml);
        assertEquals(2, ms.size());
        PitReport.Mutant k = ms.get(0);
        assertEquals(new PitReport.Mutant("ClipByNorm.java", "firstorder.ClipByNorm", "clip", 29, 44, "MATH",
                "Replaced double division with multiplication", "KILLED", true, "ClipByNormTest.clipsALongGradient"), k);
        PitReport.Mutant s = ms.get(1);
        assertEquals("firstorder.ClipByNorm$1", s.className());
        assertEquals(18, s.index());
        assertEquals("REMOVE_CONDITIONALS_ORDER_ELSE", s.mutator());
        assertFalse(s.detected());
        assertEquals("", s.killingTest());
    }

    @Test
    void namesMutatorsAsPitsConfigurationDoes() {
        assertEquals("CONDITIONALS_BOUNDARY", PitReport.mutatorName("org.pitest.x.ConditionalsBoundaryMutator"));
        assertEquals("INLINE_CONSTS", PitReport.mutatorName("org.pitest.x.InlineConstantMutator"));
        assertEquals("SomeNewMutator", PitReport.mutatorName("org.pitest.x.SomeNewMutator"));
        assertTrue(PitReport.testMethod("").isEmpty());
        assertEquals("ATest", PitReport.testMethod("a.ATest"));
    }
}
