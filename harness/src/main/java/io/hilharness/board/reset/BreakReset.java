package io.hilharness.board.reset;

import io.hilharness.board.BoardException;
import io.hilharness.board.ResetKind;
import io.hilharness.board.Resetter;
import io.hilharness.console.Console;
import java.time.Duration;

/**
 * A serial BREAK on the console: DAPLink (and Mbed interface firmware) reset the target when the host
 * sends one. The probe's USB console stays, so this is a soft reset for the harness. Over RFC 2217 the
 * console server (ser2net) sends the BREAK on its port.
 */
public final class BreakReset implements Resetter {
    public static final Duration DEFAULT_WIDTH = Duration.ofMillis(100);

    private final Console console;
    private final Duration width;

    public BreakReset(Console console, Duration width) {
        this.console = console;
        this.width = width;
    }

    @Override
    public ResetKind kind() {
        return ResetKind.SOFT;
    }

    @Override
    public void reset() throws BoardException {
        console.awaitConnected(Console.RECONNECT_WAIT);
        if (!console.sendBreak(width)) {
            throw new BoardException("serial break is not supported by this port or it is not open: " + console.describe());
        }
    }
}
