package io.hilharness.board;

import io.hilharness.console.Console;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A board under test as the harness sees it: a black box with a console, a network endpoint and the
 * strategies that flash, reset and power it. Nothing here reaches into the firmware.
 *
 * @param readyPattern the console line that says the board accepts connections
 */
public record Board(String name,
                    Console console,
                    InetSocketAddress endpoint,
                    Flasher flasher,
                    List<Resetter> resetters,
                    Optional<PowerSwitch> power,
                    Pattern readyPattern) implements AutoCloseable {

    public static final Pattern DEFAULT_READY = Pattern.compile("httpd ready");

    public Board {
        resetters = List.copyOf(resetters);
    }

    public Resetter resetter(ResetKind kind) throws BoardException {
        return resetters.stream().filter(r -> r.kind() == kind).findFirst()
                .orElseThrow(() -> new BoardException("board " + name + " has no " + kind.name().toLowerCase() + " reset"));
    }

    /** Closes the console and leaves the board unpowered. */
    @Override
    public void close() throws BoardException {
        closeConsole();
        if (power.isPresent()) {
            power.get().close();
        }
    }

    /** Closes the console and lets go of the board, which stays powered where it can ({@link PowerSwitch#release}). */
    public void release() throws BoardException {
        closeConsole();
        if (power.isPresent()) {
            power.get().release();
        }
    }

    private void closeConsole() {
        try {
            console.close();
        } catch (java.io.IOException e) {
            // the console is going away with the board: nothing left to save
        }
    }
}
