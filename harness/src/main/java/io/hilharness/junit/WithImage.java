package io.hilharness.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The image a test method runs on, instead of its class's {@link HilTest#image()}: flashed before the test
 * unless the board already has it, and the first boot after flashing is a power-on (as for the class's image).
 * An {@link AcrossBoots} test is flashed once, before its first repetition. For tests about one image's
 * behaviour, e.g. a scenario image that fails as documented; {@code hil.image} does not redirect it.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface WithImage {
    /** An image source name under firmware-images/images, or an image folder. */
    String value();

    /** As {@link HilTest#trust()}: {@code image}, {@code system}, a PEM file; default: the image's CA if it names one. */
    String trust() default "";
}
