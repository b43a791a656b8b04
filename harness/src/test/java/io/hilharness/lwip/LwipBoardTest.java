package io.hilharness.lwip;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;

/**
 * A test of the lwIP board: it needs the private network namespace, so Maven runs it in failsafe's
 * "lwip-board" execution, whose JVM starts inside one (harness/src/test/netns/bin/java),
 * and the default executions leave it out.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Tag(LwipBoardTest.TAG)
public @interface LwipBoardTest {
    String TAG = "private-netns";
}
