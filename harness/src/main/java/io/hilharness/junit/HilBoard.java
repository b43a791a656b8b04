package io.hilharness.junit;

import io.hilharness.board.Board;
import io.hilharness.board.BoardException;
import io.hilharness.board.ResetKind;
import io.hilharness.image.FirmwareImage;
import java.net.InetSocketAddress;

/** The board under test, as a test method receives it. */
public final class HilBoard {
    private final BoardSession session;
    private final Board board;
    private final FirmwareImage image;
    private final BoardConsole console;
    private final DeviceLog log;

    HilBoard(BoardSession session, Board board, FirmwareImage image, BoardConsole console, DeviceLog log) {
        this.session = session;
        this.board = board;
        this.image = image;
        this.console = console;
        this.log = log;
    }

    public String name() {
        return board.name();
    }

    public BoardConsole console() {
        return console;
    }

    public DeviceLog log() {
        return log;
    }

    /** The image this test runs on: its {@link WithImage}, else the class's. */
    public FirmwareImage image() {
        return image;
    }

    public InetSocketAddress endpoint() {
        return board.endpoint();
    }

    /** Soft reset, then waits for the ready line (fails the test if it does not come). */
    public void reset() throws BoardException {
        reset(ResetKind.SOFT);
    }

    public void reset(ResetKind kind) throws BoardException {
        session.reboot(kind);
    }

    /** The harness's board (console, flasher, resets, power) for what this view does not offer. */
    public Board hardware() {
        return board;
    }
}
