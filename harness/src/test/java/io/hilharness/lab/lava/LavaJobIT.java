package io.hilharness.lab.lava;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hilharness.image.FileTrees;
import io.hilharness.image.ImageBuilder;
import io.hilharness.image.ProjectLayout;
import io.hilharness.json.Json;
import io.hilharness.testing.ReferenceFirmware;
import io.hilharness.testing.Ser2netServer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * LAVA itself runs a hil campaign: the dispatcher's {@code lava-run} (no server) takes a job from
 * ci/lava/job.yaml onto a device that is the reference board on a bench (console through a real ser2net,
 * power and flash through a network switch), powers it and opens its console, then runs ci/lava's test
 * definition in a podman container built by ci/lava/build-image, where {@code hil run --board lava} builds
 * its board from LAVA's environment. The test reads LAVA's results, since a failed test case does not fail
 * a LAVA job: a good image passes every boot x round, a broken one fails every one, and each run folder is
 * referenced as an artifact. Runs as root (lava-run and podman need it), as ci/test does.
 */
class LavaJobIT {
    private static final int BOOTS = 2;
    private static final int ROUNDS = 2;

    @TempDir(cleanup = org.junit.jupiter.api.io.CleanupMode.ON_SUCCESS)
    Path dir;

    @Test
    void lavaRunsTheCampaignAndItsResultsSayWhichImageIsGood() throws Exception {
        assumeTrue("root".equals(System.getProperty("user.name")), "lava-run and podman run as root; ci/test runs this as root");
        ProjectLayout layout = ReferenceFirmware.built();
        Path root = layout.root();
        Path home = projectCopy(layout, dir.resolve("hil"));

        try (PduProcess bench = PduProcess.serve(layout, dir.resolve("bench"), Optional.empty());
             Ser2netServer ser2net = Ser2netServer.telnet(bench.uart(), Files.createDirectories(dir.resolve("ser2net")))) {
            // A lab's board has firmware on it when LAVA first powers it.
            bench.flash(new ImageBuilder(new ProjectLayout(home)).build("lab-ca"));
            Files.writeString(home.resolve("lab.yaml"), """
                    lock_dir: %s
                    boards:
                      lava:
                        kind: lava
                        endpoint: 127.0.0.1:%d
                        ready_timeout: 30
                        flash: {method: command, command: [busybox, wget, -q, -O, /dev/null, "%s/flash?image={image}"]}
                    """.formatted(dir.resolve("locks"), bench.boardPort(), bench.url()));
            Path lava = Files.createDirectories(dir.resolve("lava"));
            String image = run(List.of(root.resolve("ci/lava/build-image").toString()), lava.resolve("build-image.log"));
            Map<String, String> values = Map.of(
                    "CONSOLE_PORT", Integer.toString(ser2net.port()),
                    "POWER_ON", bench.command("power/on"),
                    "POWER_OFF", bench.command("power/off"),
                    "BENCH_DIR", dir.toString());
            Files.writeString(lava.resolve("device.yaml"), fill(Files.readString(root.resolve("ci/lava/local/device.yaml")), values));
            Files.writeString(lava.resolve("dispatcher.yaml"), fill(Files.readString(root.resolve("ci/lava/local/dispatcher.yaml")), values));
            Files.writeString(lava.resolve("job.yaml"), job(root, image, home));

            long jobId = 800_000 + ProcessHandle.current().pid() % 100_000;
            Path log = lava.resolve("lava-run.log");
            ProcessBuilder builder = new ProcessBuilder("lava-run", "--job-id", Long.toString(jobId), "--output-dir",
                    lava.resolve("output").toString(), "--device", lava.resolve("device.yaml").toString(),
                    "--dispatcher", lava.resolve("dispatcher.yaml").toString(), lava.resolve("job.yaml").toString())
                    .redirectOutput(lava.resolve("lava-run.stdout").toFile()).redirectError(log.toFile());
            // LAVA's docker action runs `docker`: podman-docker's, not a Docker CLI that may come first on PATH.
            builder.environment().put("PATH", "/usr/sbin:/usr/bin:/sbin:/bin");
            Process lavaRun = builder.start();
            assertTrue(lavaRun.waitFor(15, TimeUnit.MINUTES), "lava-run did not finish within 15 min: " + log);
            assertEquals(0, lavaRun.exitValue(), "lava-run failed: " + log);

            Map<String, Map<String, JsonNode>> results = results(log);
            assertEquals("pass", results.get("lava").get("job").get("result").asText(), results.get("lava").toString());
            Map<String, JsonNode> good = results.get("0_hil-good");
            Map<String, JsonNode> broken = results.get("1_hil-broken");
            assertTrue(good != null && broken != null, "no results of both definitions: " + results.keySet() + " in " + log);
            for (int b = 1; b <= BOOTS; b++) {
                for (int r = 1; r <= ROUNDS; r++) {
                    String testCase = "boot" + b + "-round" + r;
                    assertEquals("pass", result(good, testCase), testCase + " of the good image: " + good.keySet());
                    assertEquals("fail", result(broken, testCase), testCase + " of the broken image: " + broken.keySet());
                }
            }
            assertEquals(BOOTS * ROUNDS + 2, good.size(), "boot x round cases, campaign, run-folder: " + good.keySet());
            assertEquals("pass", result(good, "campaign"));
            assertEquals("fail", result(broken, "campaign"));
            assertEquals(1.0, broken.get("campaign").get("measurement").asDouble(), "hil's exit code: rounds failed");
            for (Map<String, JsonNode> definition : List.of(good, broken)) {
                String reference = definition.get("run-folder").get("reference").asText();
                assertTrue(reference.startsWith("file://"), reference);
                List<String> names = tarNames(Path.of(reference.substring("file://".length())));
                assertTrue(names.stream().anyMatch(n -> n.endsWith("/journal.jsonl")), names.toString());
                assertTrue(names.stream().anyMatch(n -> n.endsWith("/console.raw")), names.toString());
                assertTrue(names.stream().anyMatch(n -> n.endsWith("/tools/reset-lava-hard-reset-1.cmd")),
                        "the first boot's power cycle ran LAVA's hard reset command: " + names);
            }
        }
    }

    /** What {@code hil} in the container needs of the project: image sources, content and the built firmware. */
    private static Path projectCopy(ProjectLayout layout, Path home) throws IOException {
        Path firmware = Files.createDirectories(home.resolve("firmware-images/build"));
        FileTrees.copy(layout.firmwareDir().resolve("images"), firmware.resolveSibling("images"));
        FileTrees.copy(layout.contentDir(), firmware.resolveSibling("content"));
        Files.copy(layout.firmwareBinary(), firmware.resolve("refboard"), java.nio.file.StandardCopyOption.COPY_ATTRIBUTES);
        return home;
    }

    private static String fill(String template, Map<String, String> values) {
        String out = template;
        for (Map.Entry<String, String> e : values.entrySet()) {
            out = out.replace("${" + e.getKey() + "}", e.getValue());
        }
        assertTrue(!java.util.regex.Pattern.compile("\\$\\{[A-Z_]+}").matcher(out).find(), "unfilled placeholder in:\n" + out);
        return out;
    }

    /**
     * ci/lava/job.yaml, filled, with its git test definition replaced by ci/lava/hil-campaign.yaml inline
     * (no git server here) twice: the good image, with hard resets through LAVA's commands, and a broken one.
     */
    private static String job(Path root, String image, Path home) throws IOException {
        String filled = fill(Files.readString(root.resolve("ci/lava/job.yaml")), Map.of(
                "DEVICE_TYPE", "hil-reference", "IMAGE", "lab-ca", "HIL_CONTAINER_IMAGE", image,
                "HIL_REPOSITORY", "unused", "BOOTS", Integer.toString(BOOTS), "ROUNDS", Integer.toString(ROUNDS),
                "HIL_HOME", home.toString(), "HIL_LAB_CONFIG", home.resolve("lab.yaml").toString()));
        ObjectNode job = (ObjectNode) Json.yaml().readTree(filled);
        JsonNode definition = Json.yaml().readTree(root.resolve("ci/lava/hil-campaign.yaml").toFile());
        ObjectNode test = (ObjectNode) job.get("actions").get(2).get("test");
        ObjectNode template = (ObjectNode) test.get("definitions").get(0);
        ArrayNode definitions = test.putArray("definitions");
        definitions.add(inline(template, definition, "hil-good", Map.of("IMAGE", "lab-ca", "TRUST", "image", "RESET", "hard")));
        definitions.add(inline(template, definition, "hil-broken", Map.of("IMAGE", "selfsigned", "TRUST", "system")));
        return Json.yaml().writeValueAsString(job);
    }

    private static ObjectNode inline(ObjectNode template, JsonNode definition, String name, Map<String, String> parameters) {
        ObjectNode copy = template.deepCopy();
        copy.put("from", "inline");
        copy.put("name", name);
        copy.put("path", "inline/" + name + ".yaml");
        copy.set("repository", definition.deepCopy());
        ObjectNode params = (ObjectNode) copy.get("parameters");
        parameters.forEach(params::put);
        return copy;
    }

    /** Runs a command to its end; its last line of output. */
    private static String run(List<String> command, Path log) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        assertTrue(process.waitFor(10, TimeUnit.MINUTES), command + " did not finish: " + log);
        List<String> lines = Files.readAllLines(log);
        assertEquals(0, process.exitValue(), command + " failed: " + String.join("\n", lines));
        return lines.get(lines.size() - 1).strip();
    }

    /** lava-run's log is one YAML mapping a line; the results are those of level "results", by definition and case. */
    private static Map<String, Map<String, JsonNode>> results(Path log) throws IOException {
        Map<String, Map<String, JsonNode>> results = new TreeMap<>();
        for (String line : Files.readAllLines(log, StandardCharsets.UTF_8)) {
            if (!line.contains("\"lvl\": \"results\"")) {
                continue;
            }
            JsonNode record = Json.yaml().readTree(line).get("msg");
            results.computeIfAbsent(record.get("definition").asText(), d -> new TreeMap<>()).put(record.get("case").asText(), record);
        }
        return results;
    }

    private static String result(Map<String, JsonNode> cases, String name) {
        JsonNode record = cases.get(name);
        return record == null ? "missing" : record.get("result").asText();
    }

    private static List<String> tarNames(Path tarball) throws IOException {
        List<String> names = new ArrayList<>();
        try (TarArchiveInputStream tar = new TarArchiveInputStream(new GZIPInputStream(Files.newInputStream(tarball)))) {
            TarArchiveEntry entry;
            while ((entry = tar.getNextEntry()) != null) {
                names.add(entry.getName());
            }
        }
        return names;
    }
}
