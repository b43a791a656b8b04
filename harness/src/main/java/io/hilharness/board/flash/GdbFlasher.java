package io.hilharness.board.flash;

import io.hilharness.board.BoardException;
import io.hilharness.board.Flasher;
import io.hilharness.board.command.ToolRunner;
import io.hilharness.image.FirmwareImage;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * Flashes through any GDB server (QEMU's gdbstub, J-Link GDB Server, pyOCD gdbserver, OpenOCD's GDB port, a
 * Black Magic Probe): GDB loads the ELF, resets the target with the server's reset command and detaches, so
 * the new image runs at once. GDB's own error is the one line of a failure (see {@link FlashTools#gdb}).
 */
public final class GdbFlasher implements Flasher {
    private final CommandFlasher gdb;

    /**
     * @param gdbTool      the GDB executable, e.g. gdb-multiarch or arm-none-eabi-gdb
     * @param remote       the GDB server as host:port
     * @param resetCommand how this server resets the target, e.g. "monitor system_reset" or "monitor reset"
     * @param elfFile      which file of the image folder to load, relative to it
     */
    public GdbFlasher(String gdbTool, String remote, String resetCommand, String elfFile, ToolRunner runner) {
        this.gdb = new CommandFlasher("gdb", FlashTools.gdb(gdbTool), Map.of("remote", remote, "reset", resetCommand),
                elfFile, runner, Optional.of(FlashTools.gdbScript()));
    }

    @Override
    public void flash(FirmwareImage image) throws BoardException {
        gdb.flash(image);
    }

    /** Loads an ELF kept outside any image folder (a board's own copy of what was flashed) and resets. */
    public void loadInto(Path elf) throws BoardException {
        gdb.flashFile(elf.toAbsolutePath());
    }
}
