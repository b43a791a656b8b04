package io.hilharness.cli;

import io.hilharness.campaign.StopRequest;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The operator asked the campaigns of this process to stop (Ctrl-C, SIGTERM, see {@link StopOnSignals}).
 * Commands hand it to the campaigns they run: the round in flight finishes and is journaled, then the
 * campaign ends with its reports, as if it had been planned shorter. One per process, because a signal
 * is for the process.
 */
final class OperatorStop implements StopRequest {
    private static final OperatorStop PROCESS = new OperatorStop();

    private final AtomicReference<String> reason = new AtomicReference<>();

    private OperatorStop() {
    }

    static OperatorStop process() {
        return PROCESS;
    }

    /** Returns true the first time, false if a stop was already asked for. */
    boolean request(String why) {
        return reason.compareAndSet(null, why);
    }

    @Override
    public Optional<String> reason() {
        return Optional.ofNullable(reason.get());
    }
}
