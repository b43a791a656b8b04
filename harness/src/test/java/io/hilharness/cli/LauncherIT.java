package io.hilharness.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hilharness.analyze.AnalyzeJvmOptions;
import io.hilharness.diagnose.DiagnosisRule;
import io.hilharness.diagnose.MarkerRule;
import io.hilharness.image.ProjectLayout;
import io.hilharness.report.CraftedRun;
import io.hilharness.run.RunFolder;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code harness/bin/hil} as a user runs it: {@code hil analyze} gets its JVM options from the file the
 * benchmark reads too, and {@code HIL_JAVA_OPTS} joins them by the same rule as in
 * {@link AnalyzeJvmOptions#merged}. The JVM prints the flags it runs with first.
 */
class LauncherIT {
    private static final ProjectLayout LAYOUT = ProjectLayout.locate();
    private static final Path LOG = LAYOUT.root().resolve("fixtures/devlog/refboard-mbedtls-ports.log");

    @TempDir
    Path dir;

    @Test
    void hilAnalyzeRunsWithItsOptions() throws Exception {
        Launched run = hil("-XX:+PrintCommandLineFlags", "analyze", LOG.toString());
        assertEquals(0, run.exit(), run.output());
        for (String option : AnalyzeJvmOptions.shipped()) {
            assertTrue(run.flags().contains(option), option + ": " + run.flags());
        }
        assertTrue(run.output().contains("format mbedtls"), "and it analyzed the log: " + run.output());
    }

    @Test
    void aCollectorChosenInHilJavaOptsReplacesOurs() throws Exception {
        Launched run = hil("-XX:+UseSerialGC -XX:+PrintCommandLineFlags", "analyze", LOG.toString());
        assertEquals(0, run.exit(), "two collectors would stop the JVM: " + run.output());
        assertTrue(run.flags().contains("-XX:+UseSerialGC"), run.flags());
        assertFalse(run.flags().contains("-XX:+UseParallelGC"), run.flags());
        assertTrue(run.flags().contains("-XX:FreqInlineSize=100"), "the other options stay: " + run.flags());
    }

    @Test
    void otherCommandsRunWithJavasDefaults() throws Exception {
        Launched run = hil("-XX:+PrintCommandLineFlags", "diagnose", dir.resolve("no-such-run").toString());
        assertEquals(HilCli.EXIT_CONFIG_ERROR, run.exit(), run.output());
        for (String option : AnalyzeJvmOptions.shipped()) {
            assertFalse(run.flags().contains(option), option + ": " + run.flags());
        }
    }

    @Test
    void jarsInHilClasspathBringTheirOwnDiagnosisRules() throws Exception {
        RunFolder run = new CraftedRun().write(Files.createDirectories(dir.resolve("run")));
        List<String> journal = new java.util.ArrayList<>(Files.readAllLines(run.journal()));
        journal.set(0, journal.get(0).replace("\"lab-ca\"", "\"" + MarkerRule.IMAGE + "\""));
        Files.write(run.journal(), journal);
        Path rules = dir.resolve("lab-rules.jar");
        try (JarOutputStream jar = new JarOutputStream(Files.newOutputStream(rules))) {
            String rule = MarkerRule.class.getName().replace('.', '/') + ".class";
            jar.putNextEntry(new JarEntry(rule));
            try (InputStream in = MarkerRule.class.getClassLoader().getResourceAsStream(rule)) {
                in.transferTo(jar);
            }
            jar.putNextEntry(new JarEntry("META-INF/services/" + DiagnosisRule.class.getName()));
            jar.write((MarkerRule.class.getName() + "\n").getBytes(StandardCharsets.US_ASCII));
        }

        Launched without = hil("", Map.of(), "diagnose", run.dir().toString());
        Launched with = hil("", Map.of("HIL_CLASSPATH", rules.toString()), "diagnose", run.dir().toString());

        assertFalse(without.output().contains("marker"), without.output());
        assertTrue(with.output().contains("marker"), with.output());
    }

    private record Launched(int exit, String output) {
        /** The line -XX:+PrintCommandLineFlags printed. */
        String flags() {
            return output.lines().filter(l -> l.contains("-XX:+PrintCommandLineFlags")).findFirst().orElse("");
        }
    }

    private Launched hil(String javaOpts, String... args) throws Exception {
        return hil(javaOpts, Map.of(), args);
    }

    private Launched hil(String javaOpts, Map<String, String> env, String... args) throws Exception {
        Path output = dir.resolve("hil-output.txt");
        List<String> command = new java.util.ArrayList<>(List.of(LAYOUT.root().resolve("harness/bin/hil").toString()));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile());
        pb.environment().put("HIL_JAVA_OPTS", javaOpts);
        pb.environment().remove("HIL_CLASSPATH");
        pb.environment().putAll(env);
        Process hil = pb.start();
        assertTrue(hil.waitFor(300, TimeUnit.SECONDS), "hil did not end");
        return new Launched(hil.exitValue(), Files.readString(output, StandardCharsets.UTF_8));
    }
}
