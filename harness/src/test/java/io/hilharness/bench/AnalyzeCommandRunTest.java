package io.hilharness.bench;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Modifier;
import org.junit.jupiter.api.Test;

class AnalyzeCommandRunTest {
    /** The benchmark names the command line's main class without depending on the cli package. */
    @Test
    void theChildJvmStartsTheHilCommandLine() throws Exception {
        Class<?> main = Class.forName(AnalyzeCommandRun.HIL_MAIN_CLASS);
        assertTrue(Modifier.isStatic(main.getMethod("main", String[].class).getModifiers()));
    }
}
