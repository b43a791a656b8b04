package io.hilharness.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.hilharness.image.ProjectLayout;
import io.hilharness.json.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** The CI examples users copy call hil with options it has, and queue as docs/ci.md says. */
class CiExamplesTest {
    private final Path root = ProjectLayout.locate().root();

    @Test
    void theGithubWorkflowQueuesPerBoardAndItsHilCommandParses() throws Exception {
        JsonNode workflow = Json.yaml().readTree(Files.readString(root.resolve("ci/github/nightly-hil.yml")));
        JsonNode hil = workflow.path("jobs").path("hil");
        assertEquals("hil-board-${{ matrix.board }}", hil.path("concurrency").path("group").asText());
        assertEquals(false, hil.path("concurrency").path("cancel-in-progress").asBoolean(true));
        String run = "";
        for (JsonNode step : hil.path("steps")) {
            run = step.path("run").asText().contains("hil run") ? step.path("run").asText() : run;
        }
        CommandLine.ParseResult parsed = parse(run.replaceAll("\\$\\{\\{ matrix\\.board }}", "nucleo-1")
                .replace("$LAB_CONFIG", "lab/lab.yaml").replace("$IMAGE", "lab-ca").replace("$BOOTS", "10"));
        assertEquals("nucleo-1", parsed.subcommand().matchedOptionValue("--board", ""));
        assertEquals("15m", parsed.subcommand().matchedOptionValue("--wait", ""));
    }

    @Test
    void theJenkinsfileLocksAnyBoardOfAFamilyAndPassesTheGrantedOneToHil() throws Exception {
        String jenkinsfile = Files.readString(root.resolve("ci/Jenkinsfile"));
        assertTrue(jenkinsfile.contains("lock(label: family, quantity: 1, variable: 'BOARD')"), jenkinsfile);
        assertTrue(jenkinsfile.contains("String board = env.BOARD"), jenkinsfile);
        Matcher command = Pattern.compile("(harness/bin/hil run .*?)\\n\\s*\"\"\"", Pattern.DOTALL).matcher(jenkinsfile);
        assertTrue(command.find(), jenkinsfile);
        String shell = command.group(1).replace("\\\\\n", " ").replace("${board}", "nucleo-1")
                .replace("${params.IMAGE}", "lab-ca").replace("${params.BOOTS}", "10").replace("'", "");
        CommandLine.ParseResult parsed = parse(shell);
        assertEquals("nucleo-1", parsed.subcommand().matchedOptionValue("--board", ""));
        assertEquals("15m", parsed.subcommand().matchedOptionValue("--wait", ""));
    }

    /** Parses (does not run) a shell line {@code harness/bin/hil ARGS} with simple quoting. */
    private static CommandLine.ParseResult parse(String shell) {
        List<String> words = Pattern.compile("\"([^\"]*)\"|(\\S+)").matcher(shell.trim()).results()
                .map(m -> m.group(1) != null ? m.group(1) : m.group(2)).toList();
        assertEquals("harness/bin/hil", words.get(0), shell);
        CommandLine.ParseResult parsed = HilCli.commandLine().parseArgs(words.subList(1, words.size()).toArray(String[]::new));
        SoakCommand.parseDuration("--wait", parsed.subcommand().matchedOptionValue("--wait", "1s"));
        return parsed;
    }
}
