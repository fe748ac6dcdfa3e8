/**
 * Argument checks at the library's boundary, in the spirit of Guava's {@code Preconditions}: each check returns the
 * value it accepted and otherwise throws an {@link IllegalArgumentException} whose message names the quantity and the
 * offending value. A leaf package: it depends on nothing else in Descent, so every other package may use it.
 */
package descent.validate;
