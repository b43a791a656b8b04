package io.hilharness.board.qemu;

import java.nio.file.Path;

/**
 * The QEMU board's folder: its flash (the ELF last flashed, loaded again at every power-on since QEMU's
 * "flash" is RAM), its console link to the pty of the running QEMU, its QMP socket and QEMU's own log.
 */
record QemuBoardFolder(Path dir) {
    Path flash() {
        return dir.resolve("flash.elf");
    }

    Path consoleLink() {
        return dir.resolve("console");
    }

    Path qmpSocket() {
        return dir.resolve("qmp.sock");
    }

    /** QEMU's stdout and stderr, appended over every power-on. */
    Path log() {
        return dir.resolve("qemu.log");
    }
}
