package io.hilharness.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class TimedProcessTest {

    private static List<String> sh(String script) {
        return List.of("sh", "-c", script);
    }

    @Test
    void anExitCodeNotNamedIsAFailureWithWhatTheCommandSaid() {
        IOException e = assertThrows(IOException.class,
                () -> TimedProcess.run(sh("echo out; echo 'no such log' >&2; exit 3"), ProcessBuilder.Redirect.PIPE, Set.of(0)));
        assertTrue(e.getMessage().contains("exited 3: no such log"), e.getMessage());
    }

    @Test
    void aNamedExitCodeIsAnAnswer() throws Exception {
        AnalyzeBenchmark.Timed timed = TimedProcess.run(sh("echo 0; exit 1"), ProcessBuilder.Redirect.PIPE, Set.of(0, 1));
        assertEquals("0", timed.out());
        assertTrue(timed.seconds() >= 0);
    }

    @Test
    // A regression blocks in a pipe read, which no interrupt ends: the test runs on a thread of its own.
    @Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void muchOnStderrDoesNotBlockTheChild() throws Exception {
        // 1 MB on stderr is more than a pipe holds: read after stdout, it would never finish.
        AnalyzeBenchmark.Timed timed = TimedProcess.run(sh("head -c 1000000 /dev/zero | tr '\\000' x >&2; echo done"),
                ProcessBuilder.Redirect.PIPE, Set.of(0));
        assertEquals("done", timed.out());
    }
}
