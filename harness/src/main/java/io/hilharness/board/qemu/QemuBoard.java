package io.hilharness.board.qemu;

import io.hilharness.board.Board;
import io.hilharness.board.BoardException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;

/** Skeleton (contract for issue #26); the qemuboard branch fills it in. */
public final class QemuBoard {
    private QemuBoard() {
    }

    public static Board create(String name, Path dir, Path rawCapture, Optional<Path> consoleTee)
            throws IOException, BoardException {
        throw new BoardException("the QEMU board is not built yet");
    }

    public static Board forRun(String name, Path dir, Path rawCapture, Optional<Path> consoleTee)
            throws IOException, BoardException {
        throw new BoardException("the QEMU board is not built yet");
    }
}
