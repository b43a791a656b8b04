package io.hilharness.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A test class that runs against a board: the extension resolves it (from the lab config, or a fresh
 * reference board), locks it, flashes {@link #image()} once for the class (a test method's {@link WithImage}
 * instead, for that test) and injects {@link HilBoard},
 * {@link BoardConsole}, {@link HttpsProbe} and {@link DeviceLog} into test methods.
 *
 * <p>JUnit configuration parameters (or system properties) win over the annotation, so a nightly lab can
 * point the same tests at another board: {@code hil.board}, {@code hil.image}, {@code hil.trust},
 * {@code hil.lab}, {@code hil.requireHardware}, {@code hil.readyTimeout}, {@code hil.reportDir}.
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@ExtendWith(HilExtension.class)
public @interface HilTest {
    /**
     * A board name of the lab config; {@code "reference"} is a fresh reference board, {@code "lwip"} a fresh
     * lwIP board (the test JVM must run in a private network namespace, see docs/lwip-board.md), {@code "qemu"}
     * a fresh QEMU Cortex-M board (needs qemu-system-arm and gdb-multiarch, see docs/user-guide.md).
     */
    String board() default "";

    /** An image source name under firmware-images/images, or an image folder; may be empty if every test has a {@link WithImage}. */
    String image() default "";

    /** A fresh reference board (the firmware as a host process) in the report folder; no lab config needed. */
    boolean reference() default false;

    /** {@code image} (the image's lab CA), {@code system}, or a PEM file; default: the image's CA if it names one. */
    String trust() default "";
}
