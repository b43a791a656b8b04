package io.hilharness.junit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import io.hilharness.image.ProjectLayout;
import io.hilharness.testing.ReferenceFirmware;
import java.io.ByteArrayOutputStream;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;

/**
 * The example module users copy (docs/examples/junit-example) still compiles against the extension and its
 * tests pass on the reference board, pointed there the way its README says: {@code -Dhil.board=ref-1
 * -Dhil.image=lab-ca}. Keeps the example from drifting away from the API.
 */
class ExampleModuleIT {
    @TempDir
    Path dir;

    @Test
    void theExampleCompilesAndPassesOnTheReferenceBoardOfALabConfig() throws Exception {
        ProjectLayout layout = ReferenceFirmware.built();
        Path example = layout.root().resolve("docs/examples/junit-example");
        Path classes = Files.createDirectories(dir.resolve("classes"));
        compile(example.resolve("src/test/java"), classes);
        Path lab = dir.resolve("lab.yaml");
        Files.writeString(lab, """
                lock_dir: %s
                boards:
                  ref-1: {kind: reference}
                """.formatted(dir.resolve("locks")));

        try (URLClassLoader loader = new URLClassLoader(new URL[] {classes.toUri().toURL()}, getClass().getClassLoader())) {
            Class<?> dashboardTest = loader.loadClass("com.example.bench.DashboardTest");
            EngineExecutionResults results = EngineTestKit.engine("junit-jupiter")
                    .configurationParameter("hil.lab", lab.toString())
                    .configurationParameter("hil.board", "ref-1")
                    .configurationParameter("hil.image", "lab-ca")
                    .configurationParameter("hil.reportDir", dir.resolve("reports").toString())
                    .selectors(selectClass(dashboardTest))
                    .execute();

            // 5 boots of the stylesheet test, the page, the console command.
            results.testEvents().assertStatistics(stats -> stats.started(7).succeeded(7).failed(0).aborted(0));
        }
    }

    private static void compile(Path sources, Path classes) throws Exception {
        List<String> files;
        try (Stream<Path> walk = Files.walk(sources)) {
            files = walk.filter(p -> p.toString().endsWith(".java")).map(Path::toString).toList();
        }
        assertFalse(files.isEmpty(), "no example sources under " + sources);
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        List<String> args = new ArrayList<>(List.of("-d", classes.toString(), "--release", "17", "-proc:none",
                "-classpath", classpathOf(HilTest.class, Test.class, org.opentest4j.AssertionFailedError.class,
                        org.apiguardian.api.API.class, Awaitility.class)));
        args.addAll(files);
        ByteArrayOutputStream errors = new ByteArrayOutputStream();
        int status = javac.run(null, null, errors, args.toArray(String[]::new));
        assertEquals(0, status, () -> "the example does not compile against the extension:\n" + errors);
    }

    /** The jars (or class folders) these classes come from: what the example's pom.xml puts on its test classpath. */
    private static String classpathOf(Class<?>... types) throws URISyntaxException {
        List<String> entries = new ArrayList<>();
        for (Class<?> type : types) {
            entries.add(Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()).toString());
        }
        return entries.stream().distinct().collect(Collectors.joining(java.io.File.pathSeparator));
    }
}
