package io.hilharness.junit;

import io.hilharness.board.Board;
import io.hilharness.board.BoardException;
import io.hilharness.board.host.HostBoard;
import io.hilharness.board.lwip.LwipBoard;
import io.hilharness.board.qemu.QemuBoard;
import io.hilharness.console.ConsoleTransport;
import io.hilharness.lab.BoardBusyException;
import io.hilharness.lab.BoardLock;
import io.hilharness.lab.LabBoard;
import io.hilharness.lab.LabBoards;
import io.hilharness.lab.LabConfig;
import io.hilharness.lab.LabConfigException;
import io.hilharness.netns.NamespaceUnavailableException;
import io.hilharness.netns.PrivateNetwork;
import io.hilharness.run.RunFolder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Finds the board a test class names and opens it, locked. Everything that means "the hardware is not
 * here" becomes a {@link MissingHardwareException}; a broken lab file stays an error.
 */
final class BoardOpener {
    /**
     * An open board and the lock that keeps other runs off it (none for a private reference board).
     *
     * @param logFormat the lab's log format for the board, over the image manifest's
     */
    record Opened(Board board, Optional<BoardLock> lock, Optional<String> logFormat) {
    }

    /** Makes the run folder once a board is found: a skipped class leaves nothing behind. */
    interface RunFolders {
        RunFolder create() throws IOException;
    }

    private BoardOpener() {
    }

    static Opened open(HilSettings settings, RunFolders runs, String owner)
            throws MissingHardwareException, LabConfigException, IOException {
        if (settings.board().isBlank()) {
            throw new MissingHardwareException("no board given: set @HilTest(board = ...) or -Dhil.board=NAME");
        }
        if (settings.isReference()) {
            RunFolder run = runs.create();
            Board board = HostBoard.create(HilSettings.REFERENCE, run.boardDir(), 0, run.consoleCapture(), Optional.empty());
            return new Opened(board, Optional.empty(), Optional.empty());
        }
        if (settings.isFreshLwip()) {
            return new Opened(freshLwip(runs), Optional.empty(), Optional.empty());
        }
        if (settings.isFreshQemu()) {
            return new Opened(freshQemu(runs), Optional.empty(), Optional.empty());
        }
        LabConfig config = labConfig(settings);
        LabBoard lab = select(config, settings.board());
        if (!lab.isReference() && !lab.isLwip() && !lab.isQemu()) {
            ConsoleTransport console = LabBoards.transport(lab.spec().console());
            if (!console.isPresent()) {
                throw new MissingHardwareException("board " + lab.name() + " is not connected: its console "
                        + console.describe() + " is not present");
            }
        }
        BoardLock lock;
        try {
            lock = BoardLock.acquire(config.lockDir(), lab.name(), owner);
        } catch (BoardBusyException e) {
            throw new MissingHardwareException(e.getMessage());
        }
        try {
            RunFolder run = runs.create();
            return new Opened(LabBoards.open(lab, run.dir(), run.consoleCapture()), Optional.of(lock),
                    Optional.ofNullable(lab.spec().logFormat()));
        } catch (IOException | RuntimeException e) {
            lock.close();
            throw e;
        }
    }

    /** Outside a private network namespace there is no place for an lwIP board: like missing hardware. */
    private static Board freshLwip(RunFolders runs) throws MissingHardwareException, IOException {
        try {
            PrivateNetwork.requireInside("an lwIP board");
        } catch (NamespaceUnavailableException e) {
            throw new MissingHardwareException(e.getMessage());
        }
        RunFolder run = runs.create();
        try {
            return LwipBoard.create(HilSettings.LWIP, run.boardDir(), run.consoleCapture(), Optional.empty());
        } catch (BoardException e) {
            throw new IOException(e.getMessage(), e);
        }
    }

    /** QEMU on loopback needs no namespace; a missing qemu-system-arm is the board's own error. */
    private static Board freshQemu(RunFolders runs) throws IOException {
        RunFolder run = runs.create();
        try {
            return QemuBoard.create(HilSettings.QEMU, run.boardDir(), run.consoleCapture(), Optional.empty());
        } catch (BoardException e) {
            throw new IOException(e.getMessage(), e);
        }
    }

    private static LabBoard select(LabConfig config, String board) throws MissingHardwareException {
        try {
            return config.select(board).get(0);
        } catch (IllegalArgumentException e) {
            throw new MissingHardwareException(e.getMessage());
        }
    }

    private static LabConfig labConfig(HilSettings settings) throws MissingHardwareException, LabConfigException {
        Path file = LabConfig.locate(settings.lab().orElse(null), System.getenv(), Path.of(System.getProperty("user.home")));
        if (!Files.exists(file)) {
            // A developer machine without a lab: skip. A lab file with mistakes is an error, below.
            throw new MissingHardwareException("no lab config " + file + " for board " + settings.board()
                    + " (set -Dhil.lab=FILE or $" + LabConfig.ENV_VARIABLE + ")");
        }
        return LabConfig.read(file);
    }
}
