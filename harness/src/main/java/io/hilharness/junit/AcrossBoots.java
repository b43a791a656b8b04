package io.hilharness.junit;

import io.hilharness.board.ResetKind;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.TestTemplate;

/**
 * Runs the test once per boot: the board is reset before each repetition and the test starts when it
 * logged its ready line. The image is flashed once per class, not per repetition.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
@TestTemplate
public @interface AcrossBoots {
    /** Number of boots (repetitions). */
    int value();

    /** How to reset between repetitions; the first boot after flashing is a power-on when the board has power. */
    ResetKind reset() default ResetKind.SOFT;
}
