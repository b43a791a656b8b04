package io.hilharness.board;

import io.hilharness.console.Console;
import java.io.IOException;

/** A soft reset asked for on the board's console, as a developer would type {@code reboot}. */
public final class ConsoleCommandReset implements Resetter {
    private final Console console;
    private final String command;

    public ConsoleCommandReset(Console console, String command) {
        this.console = console;
        this.command = command;
    }

    @Override
    public ResetKind kind() {
        return ResetKind.SOFT;
    }

    @Override
    public void reset() throws BoardException {
        console.awaitConnected(Console.RECONNECT_WAIT);
        try {
            console.send(command);
        } catch (IOException e) {
            throw new BoardException("cannot send '" + command + "' to the console: " + e.getMessage(), e);
        }
    }
}
