package io.hilharness.board.command;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hilharness.board.BoardException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ToolRunnerTest {
    @TempDir
    Path dir;

    @Test
    void runsTheExactArgumentsAndKeepsTheOutput() throws Exception {
        StubTool tool = StubTool.exiting(dir.resolve("bin"), "flash-tool", 0);
        Path logs = dir.resolve("run/tools");
        new ToolRunner(logs, Duration.ofSeconds(30)).run("flash-x", List.of(tool.path(), "a b", "--c"));
        assertEquals(List.of(List.of("a b", "--c")), tool.calls());
        assertEquals(tool.path() + "\na b\n--c\n", Files.readString(logs.resolve("flash-x.cmd")));
        assertEquals(tool.path() + " done\n", Files.readString(logs.resolve("flash-x.stdout")));
        assertEquals("Error: stub says exit 0\n", Files.readString(logs.resolve("flash-x.stderr")));
    }

    @Test
    void aFailingToolIsABoardErrorWithItsLastWords() throws Exception {
        StubTool tool = StubTool.exiting(dir.resolve("bin"), "openocd", 3);
        BoardException e = assertThrows(BoardException.class,
                () -> new ToolRunner(dir.resolve("logs"), Duration.ofSeconds(30)).run("flash-openocd", List.of(tool.path())));
        assertTrue(e.getMessage().startsWith("flash-openocd: " + tool.path() + " exited with code 3: Error: stub says exit 3 (output: "),
                e.getMessage());
    }

    @Test
    void aHangingToolIsKilledWithItsChildrenAtTheTimeout() throws Exception {
        StubTool tool = StubTool.hanging(dir.resolve("bin"), "JLinkExe");
        BoardException e = assertThrows(BoardException.class,
                () -> new ToolRunner(dir.resolve("logs"), Duration.ofSeconds(1)).run("flash-jlink", List.of(tool.path())));
        assertTrue(e.getMessage().startsWith("flash-jlink: " + tool.path() + " timed out after 1 s and was killed"), e.getMessage());
        await().atMost(Duration.ofSeconds(10)).until(tool::childStarted);
        long child = tool.childPid();
        await().atMost(Duration.ofSeconds(10)).until(() -> ProcessHandle.of(child).map(p -> !p.isAlive()).orElse(true));
    }

    @Test
    void missingToolAndUnknownPlaceholderAreClearErrors() throws Exception {
        BoardException missing = assertThrows(BoardException.class,
                () -> new ToolRunner(dir, Duration.ofSeconds(5)).run("flash-pyocd", List.of(dir.resolve("no-pyocd").toString())));
        assertTrue(missing.getMessage().startsWith("flash-pyocd: cannot start "), missing.getMessage());
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class,
                () -> CommandTemplate.of("tool", "--probe={probe}").expand(Map.of("image", "x")));
        assertEquals("placeholder {probe} in '--probe={probe}' has no value (known: [image])", unknown.getMessage());
        assertFalse(CommandTemplate.of("a", "{image}.bin").expand(Map.of("image", "$1\\x")).isEmpty());
        assertEquals(List.of("a", "$1\\x.bin"), CommandTemplate.of("a", "{image}.bin").expand(Map.of("image", "$1\\x")));
    }
}
