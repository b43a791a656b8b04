package io.hilharness.runner;

import io.hilharness.board.Board;
import io.hilharness.board.BoardException;
import io.hilharness.board.host.HostBoard;
import io.hilharness.board.lwip.LwipBoard;
import io.hilharness.board.qemu.QemuBoard;
import io.hilharness.image.FirmwareImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;

/** The board an image is built for: the lwIP board, the QEMU board, or the reference board. */
public final class ImageBoards {
    private ImageBoards() {
    }

    /** What a run calls the board: the reference board says so, the lwIP and QEMU boards go by their image. */
    public static String name(FirmwareImage image) {
        return image.manifest().isBuiltFromSettings() ? image.name() : "reference-" + image.name();
    }

    /**
     * @param ofOneRun the board lives in one run's folder and its flash goes once it is off for good (the
     *                 run keeps the evidence, not the firmware); otherwise it stays for the caller to reuse
     */
    public static Board forImage(FirmwareImage image, String name, Path dir, Path rawCapture, Optional<Path> consoleTee,
                                 boolean ofOneRun) throws IOException, BoardException {
        if (image.manifest().isLwip()) {
            return ofOneRun ? LwipBoard.forRun(name, dir, rawCapture, consoleTee) : LwipBoard.create(name, dir, rawCapture, consoleTee);
        }
        if (image.manifest().isQemu()) {
            return ofOneRun ? QemuBoard.forRun(name, dir, rawCapture, consoleTee) : QemuBoard.create(name, dir, rawCapture, consoleTee);
        }
        return ofOneRun ? HostBoard.forRun(name, dir, rawCapture, consoleTee) : HostBoard.create(name, dir, 0, rawCapture, consoleTee);
    }
}
