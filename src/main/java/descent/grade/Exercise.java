package descent.grade;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a graded test class: which exercise it grades. Every test method in it carries {@link Points}.
 * <pre>{@code
 * @Exercise(id = "01.2", title = "multiply gate backward")
 * class MultiplyGateTest { @Test @Points(5) void gradientOfProduct() { ... } }
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface Exercise {
    /** Chapter and number, e.g. {@code "01.2"}. */
    String id();

    /** A few words naming the exercise, shown in score reports. */
    String title();
}
