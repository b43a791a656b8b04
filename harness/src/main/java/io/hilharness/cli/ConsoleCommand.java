package io.hilharness.cli;

import io.hilharness.board.Board;
import io.hilharness.board.BoardException;
import io.hilharness.board.NothingFlashedException;
import io.hilharness.board.PowerSwitch;
import io.hilharness.board.ResetKind;
import io.hilharness.image.ImageBuilder;
import io.hilharness.image.ProjectLayout;
import io.hilharness.lab.BoardLock;
import io.hilharness.lab.ConsoleSession;
import io.hilharness.lab.LabBoard;
import io.hilharness.lab.LabBoards;
import io.hilharness.lab.LabConfig;
import io.hilharness.netns.PrivateNetwork;
import io.hilharness.run.RunFolder;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code hil console BOARD}: an interactive console on a lab board, locked while it is open. A real board
 * is powered whenever it is plugged in; a board the harness powers itself (the reference board's process)
 * is off until something powers it, so the console switches it on with what its flash holds, as plugging
 * it in would, and off again when it closes.
 */
@Command(name = "console", description = "Interactive console on a lab board: timestamps, boot numbers, raw capture, ~ actions.")
final class ConsoleCommand implements Callable<Integer> {
    /** How long typed (or piped) lines wait for the console to open; the device is watched, not polled. */
    private static final Duration CONSOLE_OPEN_TIMEOUT = Duration.ofSeconds(10);

    @Parameters(index = "0", description = "Board name in the lab config.")
    String boardName;

    @Option(names = "--lab", description = "Lab config (default: $HIL_LAB_CONFIG, else ~/.config/hil/lab.yaml).")
    Path lab;

    @Option(names = "--flash", description = "Flash this image and power-cycle the board first. Without it, a board "
            + "that is off (a reference board) is powered on with what its flash holds.")
    String image;

    @Option(names = "--runs-dir", description = "Where the capture folder goes (default: runs/ in the project).")
    Path runsDir;

    @Override
    public Integer call() throws Exception {
        LabConfig config = LabConfig.locateAndRead(lab);
        LabBoard board = config.select(boardName).get(0);
        // A QEMU board needs no namespace: its HTTPS port is a loopback forward.
        if (board.isLwip()) {
            // The lwIP board lives in a private network namespace: outside one, a child inside one does the work.
            OptionalInt child = PrivateNetwork.enter();
            if (child.isPresent()) {
                return child.getAsInt();
            }
        }
        ProjectLayout layout = ProjectLayout.locate();
        ImageBuilder builder = new ImageBuilder(layout);
        try (BoardLock lock = BoardLock.acquire(config.lockDir(), board.name(), "hil console " + board.name())) {
            RunFolder run = RunFolder.create(runsDir == null ? layout.runsDir() : runsDir, "console-" + board.name());
            // Released, not closed: a real board stays powered for whoever uses it next, while a reference
            // board (a process of this command's) stops with the console.
            Board b = LabBoards.open(board, run.dir(), run.consoleCapture());
            try {
                ConsoleSession session = new ConsoleSession(b, board.spec().logFormat() == null ? "auto" : board.spec().logFormat(),
                        System.out, builder::build);
                if (image != null) {
                    b.flasher().flash(builder.build(image));
                    b.resetter(b.power().isPresent() ? ResetKind.HARD : ResetKind.SOFT).reset();
                } else if (powerOnIfOff(b, board)) {
                    System.out.println("[hil] " + board.name() + " was off: powered on with what its flash holds"
                            + " (it is powered off again when the console closes)");
                }
                awaitConsole(b);
                session.run(new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)));
            } finally {
                b.release();
            }
            System.out.println("[hil] console capture: " + run.consoleCapture());
        }
        return 0;
    }

    /**
     * Switches on a board whose power switch says it is off, as plugging it in would. Only a switch that
     * knows the board's state can say so (the reference board's process); power commands of a serial
     * board cannot, and count as on, so a serial board's console opens with no power action.
     *
     * @return whether this command powered the board on
     */
    private static boolean powerOnIfOff(Board b, LabBoard board) throws BoardException {
        Optional<PowerSwitch> power = b.power();
        if (power.isEmpty() || power.get().isOn()) {
            return false;
        }
        try {
            power.get().powerOn();
        } catch (NothingFlashedException e) {
            throw new BoardException(nothingFlashed(board), e);
        }
        return true;
    }

    /** The one line a board with nothing to boot ends with: what is missing and the option that gives it. */
    private static String nothingFlashed(LabBoard board) {
        String where;
        if ((board.isReference() || board.isQemu()) && board.spec().dir() != null) {
            where = " in " + board.labFile().toAbsolutePath().getParent().resolve(board.spec().dir()).normalize();
        } else if (board.isReference()) {
            where = " (a reference board without dir: starts with an empty folder at every command)";
        } else {
            where = " (a " + board.spec().kind() + " board starts empty at every command)";
        }
        return "board " + board.name() + " is off and has nothing flashed" + where
                + ": use hil console " + board.name() + " --flash IMAGE";
    }

    /** Lines typed or piped right away reach the board: its console is open before the first is sent. */
    private static void awaitConsole(Board b) {
        if (!b.console().awaitConnected(CONSOLE_OPEN_TIMEOUT)) {
            System.out.println("[hil] the console did not open within " + CONSOLE_OPEN_TIMEOUT.toSeconds()
                    + " s: " + b.console().describe());
        }
    }
}
