package io.hilharness.board.reset;

import io.hilharness.board.BoardException;
import io.hilharness.board.ResetKind;
import io.hilharness.board.Resetter;
import io.hilharness.console.Console;
import io.hilharness.console.ConsoleTransport.ControlLine;
import java.time.Duration;

/**
 * Pulses DTR or RTS, which USB-serial bridges on ESP32, Arduino and many dev kits wire to the reset pin.
 * {@code activeLevel} is the line state that holds the board in reset (asserted on most boards; some
 * invert it through a transistor).
 */
public final class ControlLinePulseReset implements Resetter {
    public static final Duration DEFAULT_WIDTH = Duration.ofMillis(100);

    private final Console console;
    private final ControlLine line;
    private final boolean activeLevel;
    private final Duration width;

    public ControlLinePulseReset(Console console, ControlLine line, boolean activeLevel, Duration width) {
        this.console = console;
        this.line = line;
        this.activeLevel = activeLevel;
        this.width = width;
    }

    @Override
    public ResetKind kind() {
        return ResetKind.SOFT;
    }

    @Override
    public void reset() throws BoardException {
        console.awaitConnected(Console.RECONNECT_WAIT);
        if (!console.setControlLine(line, activeLevel)) {
            throw new BoardException(line + " reset is not supported by this port (a pty or raw TCP console has no "
                    + line + " line; an RFC 2217 server did not confirm it) or it is not open: " + console.describe());
        }
        try {
            Pulse.hold(width);
        } finally {
            console.setControlLine(line, !activeLevel);
        }
    }
}
