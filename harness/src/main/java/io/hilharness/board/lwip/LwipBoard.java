package io.hilharness.board.lwip;

import io.hilharness.board.Board;
import io.hilharness.board.BoardException;
import io.hilharness.board.PowerSwitch;
import io.hilharness.board.ReleasingPower;
import io.hilharness.board.host.HostBoard;
import io.hilharness.netns.NamespaceUnavailableException;
import io.hilharness.netns.TapInterfaces;
import io.hilharness.netns.TapLink;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Assembles an lwIP board: a tap of its own in the private namespace, then the reference board's parts
 * around the lwIP binary. The tap goes when the board is closed, so a later board may take its subnet.
 */
public final class LwipBoard {
    /** lwIP's httpd serves HTTPS here ({@code HTTPD_SERVER_PORT_HTTPS}). */
    public static final int HTTPS_PORT = 443;

    private LwipBoard() {
    }

    /**
     * Sets up a board folder and its tap; the board stays unpowered until flashed and reset.
     *
     * @throws BoardException with one line when this process has no private namespace or cannot add a tap
     */
    public static Board create(String name, Path dir, Path rawCapture, Optional<Path> consoleTee)
            throws IOException, BoardException {
        return create(name, dir, rawCapture, consoleTee, false);
    }

    /** The lwIP board of one run, whose flash goes once it is off for good (as {@link HostBoard#forRun}). */
    public static Board forRun(String name, Path dir, Path rawCapture, Optional<Path> consoleTee)
            throws IOException, BoardException {
        return create(name, dir, rawCapture, consoleTee, true);
    }

    private static Board create(String name, Path dir, Path rawCapture, Optional<Path> consoleTee, boolean eraseFlashAtClose)
            throws IOException, BoardException {
        TapLink link;
        try {
            link = TapInterfaces.add();
        } catch (NamespaceUnavailableException e) {
            throw new BoardException(e.getMessage(), e);
        }
        Board board;
        try {
            board = HostBoard.assemble(name, dir, link.boardEndpoint(HTTPS_PORT),
                    new LwipFirmwareCommand(link, consoleTee), rawCapture, eraseFlashAtClose);
        } catch (IOException | RuntimeException e) {
            removeQuietly(link);
            throw e;
        }
        PowerSwitch power = board.power().orElseThrow();
        return new Board(name, board.console(), board.endpoint(), board.flasher(), board.resetters(),
                Optional.of(new ReleasingPower(power, () -> removeTap(link))), board.readyPattern());
    }

    private static void removeQuietly(TapLink link) {
        try {
            TapInterfaces.remove(link);
        } catch (NamespaceUnavailableException ignored) {
            // the namespace dies with the process, and the tap with it
        }
    }

    /** Off for good, the board gives back its tap. */
    private static void removeTap(TapLink link) throws BoardException {
        try {
            TapInterfaces.remove(link);
        } catch (NamespaceUnavailableException e) {
            throw new BoardException(e.getMessage(), e);
        }
    }
}
