package io.hilharness.cli;

import java.io.PrintStream;
import java.util.List;
import sun.misc.Signal;

/**
 * Ctrl-C and SIGTERM during a campaign: the first one lets the round in flight finish, then the
 * campaign writes its reports, powers the board off and releases its lock; a second one exits at once
 * (the shutdown hooks still power the board off). Replacing the JVM's default handlers is what keeps
 * the board powered until the round in flight is done: a shutdown hook would run too late for that.
 */
final class StopOnSignals {
    /** 128 + SIGINT, what shells report for a command stopped by Ctrl-C. */
    static final int EXIT_STOPPED = 130;

    private StopOnSignals() {
    }

    static void install(PrintStream err) {
        for (String name : List.of("INT", "TERM")) {
            Signal.handle(new Signal(name), signal -> {
                if (OperatorStop.process().request("SIG" + signal.getName())) {
                    err.println("hil: SIG" + signal.getName()
                            + ": finishing the round in flight, then writing the reports (again to stop at once)");
                } else {
                    System.exit(EXIT_STOPPED);
                }
            });
        }
    }
}
