package io.hilharness.board.host;

import io.hilharness.board.BoardException;
import io.hilharness.board.NothingFlashedException;
import io.hilharness.board.PowerSwitch;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * The reference board's power supply: power on starts the flashed firmware as a process, power off
 * kills it hard (no chance to clean up, as when power is cut) and removes its console link, as the
 * kernel removes /dev/serial/by-id/... when a USB board loses power.
 */
public final class HostProcessPower implements PowerSwitch {
    private static final Duration CONSOLE_APPEAR_TIMEOUT = Duration.ofSeconds(10);

    private final HostBoardFolder board;
    private final FirmwareCommand command;
    private BoardProcess process;
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
            process = BoardProcess.start(command.argv(flash, board.dir()), board.powerLog(), this::exited);
        } catch (IOException e) {
            throw new BoardException("cannot power on " + board.dir() + ": " + e.getMessage(), e);
        }
        diedByItself = null;
        awaitConsole();
    }

    /** Power-on is complete when the console device exists, as a USB board has enumerated. */
    private void awaitConsole() throws BoardException {
        try {
            if (!PathWatcher.awaitExists(board.consoleLink(), CONSOLE_APPEAR_TIMEOUT, process::isAlive)) {
                String why = process.isAlive() ? "no console appeared within " + CONSOLE_APPEAR_TIMEOUT.toSeconds() + " s"
                        : "the firmware " + BoardProcess.describeExit(process.exitValue());
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
            process.kill();
            Files.deleteIfExists(board.consoleLink());
        } catch (IOException e) {
            throw new BoardException("cannot remove console link: " + e.getMessage(), e);
        } finally {
            process = null;
        }
    }

    /**
     * The firmware process ended while still powered: it crashed (an abort, a signal) or exited. Runs after
     * {@link #powerOff} has let go of a process it killed, so that one is not taken for a crash. Its console
     * link goes with it: the pty it named is gone, and its number will soon name another process's console.
     */
    private synchronized void exited(BoardProcess ended, int exitValue) {
        if (ended == process) {
            diedByItself = BoardProcess.describeExit(exitValue);
            try {
                Files.deleteIfExists(board.consoleLink());
            } catch (IOException e) {
                // powerOff removes it again before the next power-on, and says so if it cannot
            }
        }
    }

    @Override
    public synchronized Optional<String> diedByItself() {
        return Optional.ofNullable(diedByItself);
    }

    @Override
    public synchronized boolean isOn() {
        return process != null && process.isAlive();
    }
}
