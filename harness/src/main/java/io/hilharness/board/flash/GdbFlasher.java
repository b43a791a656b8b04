package io.hilharness.board.flash;

import io.hilharness.board.BoardException;
import io.hilharness.board.Flasher;
import io.hilharness.board.command.ToolRunner;
import io.hilharness.image.FirmwareImage;

/** Contract stub (issue #26, QEMU-CONTRACT.md section 2); the qemuboard branch fills it in. */
public final class GdbFlasher implements Flasher {
    /**
     * @param gdbTool      the GDB executable, e.g. gdb-multiarch
     * @param remote       the GDB server as host:port
     * @param resetCommand how this server resets the target, e.g. "monitor system_reset" or "monitor reset"
     * @param elfFile      which file of the image folder to load, relative to it
     */
    public GdbFlasher(String gdbTool, String remote, String resetCommand, String elfFile, ToolRunner runner) {
    }

    @Override
    public void flash(FirmwareImage image) throws BoardException {
        throw new BoardException("flashing through GDB is not built yet");
    }
}
