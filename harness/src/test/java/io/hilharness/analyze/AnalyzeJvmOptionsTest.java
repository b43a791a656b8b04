package io.hilharness.analyze;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The options {@code hil analyze} runs with: the file, and how a user's own options join them. */
class AnalyzeJvmOptionsTest {

    @Test
    void commentsAndBlankLinesAreNotOptions() {
        assertEquals(List.of("-XX:+UseParallelGC", "-Xss2m"),
                AnalyzeJvmOptions.parse(List.of("# why", "", "  -XX:+UseParallelGC  ", "\t# more", "-Xss2m")));
    }

    @Test
    void theUsersOptionsComeLastSoTheyWin() {
        assertEquals(List.of("-XX:+UseParallelGC", "-XX:FreqInlineSize=100", "-XX:FreqInlineSize=325", "-Xmx64m"),
                AnalyzeJvmOptions.merged(List.of("-XX:+UseParallelGC", "-XX:FreqInlineSize=100"),
                        List.of("-XX:FreqInlineSize=325", "-Xmx64m")));
    }

    @Test
    void aCollectorTheUserChoosesReplacesOurs() {
        assertEquals(List.of("-XX:FreqInlineSize=100", "-XX:+UseSerialGC"),
                AnalyzeJvmOptions.merged(List.of("-XX:+UseParallelGC", "-XX:FreqInlineSize=100"), List.of("-XX:+UseSerialGC")));
        assertTrue(AnalyzeJvmOptions.choosesCollector("-XX:+UseG1GC"));
        assertFalse(AnalyzeJvmOptions.choosesCollector("-XX:+UseCompressedOops"));
        assertFalse(AnalyzeJvmOptions.choosesCollector("-XX:-UseParallelGC"), "switching one off chooses none");
    }

    @Test
    void anOptionGivenAlikeByBothIsGivenOnce() {
        // hil bench analyze started by the launcher already has them, and hands its options on to the command
        List<String> ours = List.of("-XX:+UseParallelGC", "-XX:FreqInlineSize=100");
        assertEquals(ours, AnalyzeJvmOptions.merged(ours, ours));
    }

    /** A misspelt or removed option stops the JVM: every shipped one must start this java, and take effect. */
    @Test
    void theShippedOptionsStartThisJava() throws Exception {
        List<String> shipped = AnalyzeJvmOptions.shipped();
        assertTrue(shipped.contains("-XX:+UseParallelGC"), shipped.toString());
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(shipped);
        command.addAll(List.of("-XX:+PrintCommandLineFlags", "-version"));
        Process java = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(java.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(java.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, java.exitValue(), out);
        for (String option : shipped) {
            assertTrue(out.contains(option + " ") || out.contains(option + "\n"), option + " not in effect: " + out);
        }
    }
}
