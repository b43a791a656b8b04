package io.hilharness.board.flash;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hilharness.board.command.StubTool;
import io.hilharness.board.command.ToolRunner;
import io.hilharness.image.FirmwareImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command GDB runs; QemuBoardIT flashes through a real GDB into a real GDB server. */
class GdbFlasherTest {
    @TempDir
    Path dir;

    @Test
    void gdbRunsACommandFileThatLoadsResetsWithTheServersCommandAndDetaches() throws Exception {
        StubTool gdb = StubTool.exiting(dir.resolve("bin"), "arm-none-eabi-gdb", 0);
        FirmwareImage image = TestImages.withFile(dir.resolve("image"), "fw.elf", new byte[] {0x7f, 'E', 'L', 'F'});
        Path logs = dir.resolve("run");
        new GdbFlasher(gdb.path(), "192.0.2.7:2331", "monitor reset", "fw.elf", new ToolRunner(logs, Duration.ofSeconds(30)))
                .flash(image);

        Path script = logs.resolve("flash-gdb.script");
        assertEquals(List.of(List.of("-nx", "-batch", "-x", script.toString())), gdb.calls());
        Path elf = image.dir().resolve("fw.elf").toAbsolutePath();
        assertEquals("target remote 192.0.2.7:2331\nfile " + elf + "\nload\nmonitor reset\ndetach\n", Files.readString(script));
        assertTrue(Files.readString(logs.resolve("flash-gdb.sha256")).endsWith("  " + elf + "\n"));
    }

    @Test
    void anElfKeptOutsideAnImageFolderLoadsTheSameWay() throws Exception {
        StubTool gdb = StubTool.exiting(dir.resolve("bin"), "gdb-multiarch", 0);
        Path elf = Files.write(Files.createDirectories(dir.resolve("board")).resolve("flash.elf"), new byte[] {0x7f, 'E', 'L', 'F'});
        Path logs = dir.resolve("board-logs");
        new GdbFlasher(gdb.path(), "127.0.0.1:1234", "monitor system_reset", "qemu-board.elf",
                new ToolRunner(logs, Duration.ofSeconds(30))).loadInto(elf);

        assertEquals("target remote 127.0.0.1:1234\nfile " + elf.toAbsolutePath() + "\nload\nmonitor system_reset\ndetach\n",
                Files.readString(logs.resolve("flash-gdb.script")));
    }
}
