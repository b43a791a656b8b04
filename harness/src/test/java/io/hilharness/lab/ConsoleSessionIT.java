package io.hilharness.lab;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hilharness.board.Board;
import io.hilharness.image.ImageBuilder;
import io.hilharness.image.ProjectLayout;
import io.hilharness.testing.ReferenceFirmware;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The interactive console on the reference board: typed commands, ~ actions, timestamps and boot numbers. */
class ConsoleSessionIT {
    @TempDir
    Path dir;

    @Test
    void commandsAndActionsReachTheBoardAndEveryLineShowsItsBoot() throws Exception {
        ProjectLayout layout = ReferenceFirmware.built();
        Path file = dir.resolve("lab.yaml");
        Files.writeString(file, "boards:\n  ref-1: {kind: reference}\n");
        LabBoard lab = LabConfig.read(file).boards().get(0);
        ByteArrayOutputStream shown = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(shown, true, StandardCharsets.UTF_8);
        try (Board board = LabBoards.open(lab, dir, dir.resolve("console.raw"))) {
            ConsoleSession session = new ConsoleSession(board, "auto", out, new ImageBuilder(layout)::build);
            session.run(new BufferedReader(new StringReader("~f lab-ca\n~R\n")));
            await().atMost(Duration.ofSeconds(20)).until(() -> text(shown).contains("httpd ready"));
            session.run(new BufferedReader(new StringReader("status\n~r\n~b\n~x\n~.\nnever sent\n")));
            await().atMost(Duration.ofSeconds(20)).until(() -> text(shown).contains("reset cause: soft"));
        }
        String text = text(shown);
        assertTrue(text.contains("[hil] flashed lab-ca"), text);
        assertTrue(text.contains("[hil] power cycled"), text);
        assertTrue(text.matches("(?s).*\\d\\d:\\d\\d:\\d\\d\\.\\d{3} \\[boot 1\\] [^\\n]*status: boot 1,.*"), text);
        assertTrue(text.matches("(?s).*\\[boot 2\\] [^\\n]*boot 2, reset cause: soft.*"), text);
        assertTrue(text.contains("[hil] soft reset"), text);
        assertTrue(text.contains("[hil] break sent"), text);
        assertTrue(text.contains("[hil] ~r soft reset, ~R power cycle"), text);
        // Input after ~. is not sent: the board would have answered "unknown command: never sent".
        assertTrue(!Files.readString(dir.resolve("console.raw")).contains("never sent"));
        assertTrue(Files.size(dir.resolve("console.raw")) > 0);
    }

    private static String text(ByteArrayOutputStream out) {
        return out.toString(StandardCharsets.UTF_8);
    }
}
