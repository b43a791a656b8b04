package io.hilharness.campaign;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The operator asked the campaigns of this process to stop (Ctrl-C, SIGTERM). A campaign checks it
 * between rounds: the round in flight finishes and is journaled, then the campaign ends with its
 * reports, as if it had been planned shorter. One per process, because a signal is for the process.
 */
public final class OperatorStop {
    private static final OperatorStop PROCESS = new OperatorStop();

    private final AtomicReference<String> reason = new AtomicReference<>();

    public static OperatorStop process() {
        return PROCESS;
    }

    /** Returns true the first time, false if a stop was already asked for. */
    public boolean request(String why) {
        return reason.compareAndSet(null, why);
    }

    public Optional<String> reason() {
        return Optional.ofNullable(reason.get());
    }
}
