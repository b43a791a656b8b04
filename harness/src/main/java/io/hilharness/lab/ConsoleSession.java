package io.hilharness.lab;

import io.hilharness.board.Board;
import io.hilharness.board.BoardException;
import io.hilharness.board.ResetKind;
import io.hilharness.console.ConsoleLine;
import io.hilharness.devlog.DeviceLogParser;
import io.hilharness.image.FirmwareImage;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * An interactive console on a board, line by line so it works in any terminal, tmux or pipe: every
 * board line is shown with its host time and boot number (and captured raw, as in a campaign); typed
 * lines go to the board. Lines starting with {@code ~} are actions, as in ssh and cu:
 * {@code ~r} soft reset, {@code ~R} power cycle, {@code ~f IMAGE} flash, {@code ~b} serial break,
 * {@code ~.} quit, {@code ~?} help.
 */
public final class ConsoleSession {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss.SSS").withZone(ZoneOffset.UTC);

    /** Builds an image by name for {@code ~f}. */
    public interface ImageSource {
        FirmwareImage build(String name) throws Exception;
    }

    private final Board board;
    private final PrintStream out;
    private final ImageSource images;

    public ConsoleSession(Board board, String logFormat, PrintStream out, ImageSource images) {
        this.board = board;
        this.out = out;
        this.images = images;
        // The parser is confined to the console's reader thread, like in a campaign.
        DeviceLogParser parser = DeviceLogParser.forFormat(logFormat);
        board.console().addListener(line -> show(parser, line));
    }

    private void show(DeviceLogParser parser, ConsoleLine line) {
        parser.accept(line);
        out.printf("%s [boot %d] %s%n", TIME.format(line.hostTime()), parser.currentBoot(), printable(line.text()));
    }

    /** Device text is untrusted: control characters would drive the user's terminal. */
    static String printable(String text) {
        StringBuilder sb = new StringBuilder(text.length());
        text.codePoints().forEach(c -> {
            if (Character.isISOControl(c) && c != '\t') {
                sb.append(String.format("\\x%02x", c));
            } else {
                sb.appendCodePoint(c);
            }
        });
        return sb.toString();
    }

    /** Runs until {@code ~.} or the end of input. */
    public void run(BufferedReader in) throws IOException {
        out.println("hil console on " + board.name() + " (" + board.console().describe() + "); ~? for help, ~. to quit");
        for (String line; (line = in.readLine()) != null; ) {
            if (line.equals("~.")) {
                return;
            }
            if (line.startsWith("~") && !line.startsWith("~~")) {
                action(line.substring(1).strip());
            } else {
                board.console().send(line.startsWith("~~") ? line.substring(1) : line);
            }
        }
    }

    private void action(String action) {
        try {
            if (action.equals("r")) {
                board.resetter(ResetKind.SOFT).reset();
                say("soft reset");
            } else if (action.equals("R")) {
                board.resetter(ResetKind.HARD).reset();
                say("power cycled");
            } else if (action.equals("b")) {
                say(board.console().sendBreak(java.time.Duration.ofMillis(100)) ? "break sent" : "this port cannot send a break");
            } else if (action.startsWith("f ")) {
                String name = action.substring(2).strip();
                board.flasher().flash(images.build(name));
                say("flashed " + name + " (takes effect at the next reset)");
            } else {
                say("~r soft reset, ~R power cycle, ~b break, ~f IMAGE flash, ~. quit, ~~ a line starting with ~");
            }
        } catch (BoardException e) {
            say("failed: " + e.getMessage());
        } catch (Exception e) {
            say("failed: " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
        }
    }

    private void say(String text) {
        out.println("[hil] " + text);
    }
}
