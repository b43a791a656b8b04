package io.hilharness.board.qemu;

import io.hilharness.board.BoardException;
import io.hilharness.board.NothingFlashedException;
import io.hilharness.board.PowerSwitch;
import io.hilharness.board.flash.GdbFlasher;
import io.hilharness.board.host.BoardProcess;
import io.hilharness.image.FileTrees;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The QEMU board's power: on = QEMU started halted, its console pty published as the board's console link
 * and opened by the console, the flashed ELF loaded through the GDB server (which resets and lets the CPU
 * run); off = QEMU killed, as when power is cut. QEMU ending by itself is a locked-up CPU (a fault in the
 * HardFault handler makes QEMU abort), reported with QEMU's own words.
 */
final class QemuPower implements PowerSwitch {
    private static final Duration START_TIMEOUT = Duration.ofSeconds(10);
    private static final Duration EXIT_WAIT = Duration.ofSeconds(2);
    /** A Unix socket's path must fit sun_path (108 bytes with its NUL); deep run folders do not. */
    private static final int SOCKET_PATH_MAX = 100;

    private final QemuBoardFolder folder;
    private final QemuCommand command;
    private final GdbFlasher gdb;
    /** Nudged by the console when it (re)connects; the wait for it re-checks now and then anyway. */
    private final Object consoleChange = new Object();
    private BoardProcess process;
    private QmpClient qmp;
    private long logStart;
    private String diedByItself;

    QemuPower(QemuBoardFolder folder, QemuCommand command, GdbFlasher gdb) {
        this.folder = folder;
        this.command = command;
        this.gdb = gdb;
    }

    @Override
    public synchronized void powerOn() throws BoardException {
        if (isOn()) {
            return;
        }
        if (!Files.isRegularFile(folder.flash())) {
            throw new NothingFlashedException("nothing flashed on board " + folder.dir() + ": " + folder.flash() + " is missing");
        }
        diedByItself = null;
        process = null; // one that ended by itself is done with
        Path socket;
        try {
            socket = qmpSocket();
        } catch (IOException e) {
            throw new BoardException("cannot power on " + folder.dir() + ": " + e.getMessage(), e);
        }
        Path pty;
        try (QmpClient.Listener listener = QmpClient.listen(socket)) {
            Files.deleteIfExists(folder.consoleLink());
            logStart = Files.exists(folder.log()) ? Files.size(folder.log()) : 0;
            process = BoardProcess.start(command.argv(listener.socket()), folder.log(), this::exited);
            qmp = listener.accept(START_TIMEOUT, process::isAlive)
                    .orElseThrow(() -> notStarted("no QMP connection within " + START_TIMEOUT.toSeconds() + " s"));
            pty = qmp.ptyOf(QemuCommand.CONSOLE_ID);
        } catch (IOException e) {
            BoardException failure = process == null
                    ? new BoardException("cannot power on " + folder.dir() + ": " + e.getMessage(), e) : notStarted(e.getMessage());
            powerOff();
            throw failure;
        } catch (BoardException | RuntimeException e) {
            powerOff();
            throw e;
        } finally {
            deleteTemporaryFolder(socket);
        }
        try {
            publishConsole(pty);
            awaitConsoleOpen(pty);
            gdb.loadInto(folder.flash());
        } catch (BoardException | RuntimeException e) {
            powerOff();
            throw e;
        }
    }

    /** A QEMU that failed at start exits with its reason (its QMP connection may break a moment before). */
    private BoardException notStarted(String why) {
        String said = ended() ? lastWords().orElse(why) : why;
        return new BoardException("QEMU of board " + folder.dir() + " did not start: " + said + " (see " + folder.log() + ")");
    }

    private boolean ended() {
        try {
            return process.awaitEnd(EXIT_WAIT);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return !process.isAlive();
        }
    }

    /** The console link is replaced atomically: the console never sees a half-made one. */
    private void publishConsole(Path pty) throws BoardException {
        try {
            Path tmp = folder.dir().resolve("console.new");
            Files.deleteIfExists(tmp);
            Files.createSymbolicLink(tmp, pty);
            Files.move(tmp, folder.consoleLink(), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new BoardException("cannot link the console of " + folder.dir() + " to " + pty + ": " + e.getMessage(), e);
        }
    }

    private void awaitConsoleOpen(Path pty) throws BoardException {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        try {
            synchronized (consoleChange) {
                while (!OpenFiles.heldByThisProcess(pty)) {
                    long left = deadline - System.nanoTime();
                    if (left <= 0 || !process.isAlive()) {
                        throw notStarted("the console did not open " + pty + " within " + START_TIMEOUT.toSeconds() + " s");
                    }
                    // The nudge may have come before this wait: the short cap looks again.
                    consoleChange.wait(Math.min(Duration.ofNanos(left).toMillis() + 1, 50));
                }
            }
        } catch (IOException e) {
            throw new BoardException("cannot list the files this process holds open: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BoardException("interrupted while powering on", e);
        }
    }

    /** Called by the console on every connection change. */
    void consoleChanged() {
        synchronized (consoleChange) {
            consoleChange.notifyAll();
        }
    }

    /**
     * QMP system_reset: the CPU restarts from the reset vector; RAM (and the flashed image) stays. A board that
     * is off (never started, or QEMU gone after a lockup) is powered on instead: the harness's hard reset is
     * also how a freshly flashed or dead board is brought up, as a power cycle does on the other boards.
     */
    synchronized void reset() throws BoardException {
        if (!isOn()) {
            powerOn();
            return;
        }
        try {
            qmp.execute("system_reset");
        } catch (IOException e) {
            throw new BoardException("QMP reset of " + folder.dir() + " failed: " + e.getMessage(), e);
        }
    }

    /** Loads a new image into the running board (GDB resets it); a board that is off gets it at power-on. */
    synchronized void loadIfOn() throws BoardException {
        if (isOn()) {
            gdb.loadInto(folder.flash());
        }
    }

    @Override
    public synchronized void powerOff() throws BoardException {
        if (process == null) {
            return;
        }
        try {
            closeQmp();
            process.kill();
            Files.deleteIfExists(folder.consoleLink());
        } catch (IOException e) {
            throw new BoardException("cannot clean up after QEMU in " + folder.dir() + ": " + e.getMessage(), e);
        } finally {
            process = null;
        }
    }

    private void closeQmp() {
        try {
            if (qmp != null) {
                qmp.close();
            }
        } catch (IOException e) {
            // QEMU is about to go: nothing left to say to it
        } finally {
            qmp = null;
        }
    }

    /** In the board folder, or in a temporary folder where that path is too long for a socket. */
    private Path qmpSocket() throws IOException {
        Path inFolder = folder.qmpSocket();
        if (inFolder.toString().getBytes(StandardCharsets.UTF_8).length <= SOCKET_PATH_MAX) {
            return inFolder;
        }
        return Files.createTempDirectory("hil-qmp-").resolve(inFolder.getFileName());
    }

    private void deleteTemporaryFolder(Path socket) {
        if (socket != null && !socket.getParent().equals(folder.dir())) {
            try {
                FileTrees.delete(socket.getParent());
            } catch (IOException e) {
                // an empty folder in the temporary folder: not worth failing a power-on for
            }
        }
    }

    /** QEMU ended while powered: the guest locked up (or QEMU failed); its console goes with it. */
    private synchronized void exited(BoardProcess ended, int exitValue) {
        if (ended != process) {
            return;
        }
        diedByItself = "locked up: " + lastWords().orElse("QEMU " + BoardProcess.describeExit(exitValue));
        closeQmp();
        try {
            Files.deleteIfExists(folder.consoleLink());
        } catch (IOException e) {
            // powerOff removes it again, and says so if it cannot
        }
    }

    /**
     * QEMU's last message of this start: its own lines start with "qemu" ("qemu: fatal: Lockup: ...",
     * "qemu-system-arm: ..."), a register dump may follow them; otherwise the last line it wrote.
     */
    private Optional<String> lastWords() {
        List<String> lines;
        try (var in = Files.newInputStream(folder.log())) {
            in.skipNBytes(logStart);
            lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().map(String::strip)
                    .filter(l -> !l.isEmpty()).toList();
        } catch (IOException e) {
            return Optional.empty();
        }
        for (int i = lines.size() - 1; i >= 0; i--) {
            if (lines.get(i).startsWith("qemu")) {
                return Optional.of(lines.get(i));
            }
        }
        return lines.isEmpty() ? Optional.empty() : Optional.of(lines.get(lines.size() - 1));
    }

    @Override
    public synchronized Optional<String> diedByItself() {
        return Optional.ofNullable(diedByItself);
    }

    @Override
    public synchronized boolean isOn() {
        return process != null && process.isAlive();
    }

    /** For tests and diagnostics: the QEMU process while on. */
    synchronized Optional<Long> pid() {
        return Optional.ofNullable(process).map(BoardProcess::pid);
    }
}
