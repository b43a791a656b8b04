package io.hilharness.board.host;

import io.hilharness.board.BoardException;
import io.hilharness.board.NothingFlashedException;
import io.hilharness.board.PowerSwitch;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The reference board's power supply: power on starts the flashed firmware as a process, power off
 * kills it hard (no chance to clean up, as when power is cut) and removes its console link, as the
 * kernel removes /dev/serial/by-id/... when a USB board loses power.
 */
public final class HostProcessPower implements PowerSwitch {
    private static final Duration CONSOLE_APPEAR_TIMEOUT = Duration.ofSeconds(10);

    private final HostBoardFolder board;
    private final FirmwareCommand command;
    private final Thread shutdownHook = new Thread(this::killQuietly, "hil-board-power-off");
    private Process process;
    private String diedByItself;

    /**
     * The reference firmware; see {@link FirmwareCommand#reference}.
     *
     * @param port the TCP port the board listens on (its "network configuration")
     */
    public HostProcessPower(HostBoardFolder board, int port, Optional<Path> consoleTee) {
        this(board, FirmwareCommand.reference(port, consoleTee));
    }

    /** A host board whose firmware starts as {@code command} says (e.g. the lwIP board on its tap). */
    public HostProcessPower(HostBoardFolder board, FirmwareCommand command) {
        this.board = board;
        this.command = command;
    }

    @Override
    public synchronized void powerOn() throws BoardException {
        if (isOn()) {
            return;
        }
        Path flash = board.flashLink();
        Path binary = command.binary(flash);
        if (!Files.isExecutable(binary)) {
            throw new NothingFlashedException("nothing flashed on board " + board.dir() + ": " + binary + " is missing");
        }
        try {
            process = new ProcessBuilder(command.argv(flash, board.dir()))
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(board.powerLog().toFile()))
                    .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                    .start();
        } catch (IOException e) {
            throw new BoardException("cannot power on " + board.dir() + ": " + e.getMessage(), e);
        }
        diedByItself = null;
        Process started = process;
        started.onExit().thenAccept(this::exited);
        Runtime.getRuntime().addShutdownHook(shutdownHook);
        awaitConsole();
    }

    /** Power-on is complete when the console device exists, as a USB board has enumerated. */
    private void awaitConsole() throws BoardException {
        try {
            if (!PathWatcher.awaitExists(board.consoleLink(), CONSOLE_APPEAR_TIMEOUT, process::isAlive)) {
                String why = process.isAlive() ? "no console appeared within " + CONSOLE_APPEAR_TIMEOUT.toSeconds() + " s"
                        : "the firmware exited with code " + process.exitValue();
                throw new BoardException("board " + board.dir() + " did not come up: " + why + " (see " + board.powerLog() + ")");
            }
        } catch (IOException e) {
            throw new BoardException("cannot watch " + board.consoleLink() + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BoardException("interrupted while powering on", e);
        }
    }

    @Override
    public synchronized void powerOff() throws BoardException {
        if (process == null) {
            return;
        }
        try {
            process.destroyForcibly();
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                throw new BoardException("board process " + process.pid() + " did not die within 10 s");
            }
            Files.deleteIfExists(board.consoleLink());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BoardException("interrupted while powering off", e);
        } catch (IOException e) {
            throw new BoardException("cannot remove console link: " + e.getMessage(), e);
        } finally {
            process = null;
            try {
                Runtime.getRuntime().removeShutdownHook(shutdownHook);
            } catch (IllegalStateException shuttingDown) {
                // the hook is running or has run: nothing to remove
            }
        }
    }

    /**
     * The firmware process ended while still powered: it crashed (an abort, a signal) or exited. Runs after
     * {@link #powerOff} has let go of a process it killed, so that one is not taken for a crash. Its console
     * link goes with it: the pty it named is gone, and its number will soon name another process's console.
     */
    private synchronized void exited(Process ended) {
        if (ended == process) {
            diedByItself = describeExit(ended.exitValue());
            try {
                Files.deleteIfExists(board.consoleLink());
            } catch (IOException e) {
                // powerOff removes it again before the next power-on, and says so if it cannot
            }
        }
    }

    /** Java reports a process killed by signal N as exit value 128 + N. */
    static String describeExit(int exitValue) {
        if (exitValue > 128 && exitValue < 160) {
            int signal = exitValue - 128;
            String name = switch (signal) {
                case 4 -> " (SIGILL)";
                case 6 -> " (SIGABRT)";
                case 7 -> " (SIGBUS)";
                case 8 -> " (SIGFPE)";
                case 9 -> " (SIGKILL)";
                case 11 -> " (SIGSEGV)";
                case 15 -> " (SIGTERM)";
                default -> "";
            };
            return "killed by signal " + signal + name;
        }
        return "exited with code " + exitValue;
    }

    @Override
    public synchronized Optional<String> diedByItself() {
        return Optional.ofNullable(diedByItself);
    }

    @Override
    public synchronized boolean isOn() {
        return process != null && process.isAlive();
    }

    private void killQuietly() {
        Process p = process;
        if (p != null) {
            p.destroyForcibly();
        }
    }
}
