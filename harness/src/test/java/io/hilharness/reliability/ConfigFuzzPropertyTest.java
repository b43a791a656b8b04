package io.hilharness.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.hilharness.image.ImageManifest;
import io.hilharness.image.ManifestException;
import io.hilharness.image.ProjectLayout;
import io.hilharness.lab.LabConfig;
import io.hilharness.lab.LabConfigException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Thousands of broken variants of a real image manifest and of the documented lab config (lines
 * dropped, duplicated, swapped, cut short, garbage and random values spliced in, random bytes): each
 * either loads or fails with the loader's own exception, as one line that names the file.
 */
class ConfigFuzzPropertyTest {
    private static final String[] GARBAGE = {":", "- ", "{", "}", "[", "]", "\"", "'", "&a", "*a", "!!int", "\t",
        "#", "|", ">", "? ", "\u0000", "\uFFFD", "-1", "99999999999999999999", "1e309", "null", "~", "true", ": :",
        "\u00e9", "key: value", "  nested: 1", "\n", "\r\n", "%YAML 1.2", "---", "..."};

    private static Path dir;
    private static List<String> manifestLines;
    private static List<String> labLines;

    @BeforeContainer
    static void readSamples() throws IOException {
        ProjectLayout layout = ProjectLayout.locate();
        manifestLines = Files.readAllLines(layout.imageSource("hang").resolve(ImageManifest.FILE_NAME));
        labLines = Files.readAllLines(layout.root().resolve("docs/examples/lab.yaml"));
        dir = Files.createTempDirectory("hil-config-fuzz");
    }

    @AfterContainer
    static void removeTempDir() throws IOException {
        try (var files = Files.list(dir)) {
            for (Path f : files.toList()) {
                Files.delete(f);
            }
        }
        Files.delete(dir);
    }

    @Property(tries = 3000)
    void aBrokenManifestIsTheManifestErrorNamingTheFile(@ForAll("manifests") byte[] text) throws IOException {
        Path file = Files.write(dir.resolve(ImageManifest.FILE_NAME), text);
        try {
            ImageManifest.read(file);
        } catch (ManifestException e) {
            assertOneLineNaming(file, e.getMessage());
        } catch (RuntimeException e) {
            fail("not the manifest error for:\n" + new String(text, java.nio.charset.StandardCharsets.UTF_8), e);
        }
    }

    @Property(tries = 3000)
    void aBrokenLabConfigIsTheLabConfigErrorNamingTheFile(@ForAll("labConfigs") byte[] text) throws IOException {
        Path file = Files.write(dir.resolve("lab.yaml"), text);
        try {
            LabConfig.read(file);
        } catch (LabConfigException e) {
            assertOneLineNaming(file, e.getMessage());
        } catch (RuntimeException e) {
            fail("not the lab config error for:\n" + new String(text, java.nio.charset.StandardCharsets.UTF_8), e);
        }
    }

    private static void assertOneLineNaming(Path file, String message) {
        assertTrue(message.startsWith(file.toString()), message);
        assertEquals(1, message.lines().count(), "one line: " + message);
    }

    @Provide
    Arbitrary<byte[]> manifests() {
        return variants(() -> manifestLines);
    }

    @Provide
    Arbitrary<byte[]> labConfigs() {
        return variants(() -> labLines);
    }

    private static Arbitrary<byte[]> variants(java.util.function.Supplier<List<String>> sample) {
        Arbitrary<byte[]> mutated = Combinators.combine(
                        Arbitraries.integers().between(0, 5), Arbitraries.integers().between(0, 10_000),
                        Arbitraries.integers().between(0, 10_000), Arbitraries.of(GARBAGE),
                        Arbitraries.strings().ofMaxLength(12))
                .as((kind, a, b, garbage, random) -> mutate(sample.get(), kind, a, b, garbage, random));
        Arbitrary<byte[]> twice = mutated.flatMap(first -> Arbitraries.integers().between(0, 10_000)
                .map(cut -> Arrays.copyOf(first, Math.min(first.length, cut))));
        Arbitrary<byte[]> bytes = Arbitraries.bytes().array(byte[].class).ofMaxSize(2048);
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(8, mutated), net.jqwik.api.Tuple.of(1, twice), net.jqwik.api.Tuple.of(1, bytes));
    }

    private static byte[] mutate(List<String> sample, int kind, int a, int b, String garbage, String random) {
        List<String> lines = new ArrayList<>(sample);
        int i = a % lines.size();
        int j = b % lines.size();
        String line = lines.get(i);
        switch (kind) {
            case 0 -> lines.remove(i);
            case 1 -> lines.add(j, line);
            case 2 -> {
                lines.set(i, lines.get(j));
                lines.set(j, line);
            }
            case 3 -> lines.set(i, line.substring(0, b % (line.length() + 1)));
            case 4 -> {
                int at = b % (line.length() + 1);
                lines.set(i, line.substring(0, at) + garbage + line.substring(at));
            }
            default -> {
                int colon = line.indexOf(": ");
                lines.set(i, colon < 0 ? line + random : line.substring(0, colon + 2) + random);
            }
        }
        return String.join("\n", lines).getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

}
