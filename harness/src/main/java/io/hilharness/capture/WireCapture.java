package io.hilharness.capture;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The campaign's view of the capture: start it beside a run, finish it into {@code wire.json}.
 * Never fails the campaign: a capture that cannot start or be read becomes a reason in wire.json.
 */
public final class WireCapture {
    public static final String PCAP = "capture.pcapng";

    private final CaptureSettings settings;
    private final InetSocketAddress board;
    private final Path runDir;
    private final Optional<PacketCapture> capture;
    private final String startFailure;
    private WireEvidence finished;

    private WireCapture(CaptureSettings settings, InetSocketAddress board, Path runDir, PacketCapture capture,
                        String startFailure) {
        this.settings = settings;
        this.board = board;
        this.runDir = runDir;
        this.capture = Optional.ofNullable(capture);
        this.startFailure = startFailure;
    }

    /** Starts capturing the board's traffic into the run folder; on failure remembers why. */
    public static WireCapture start(CaptureSettings settings, InetSocketAddress board, Path runDir) throws InterruptedException {
        try {
            return new WireCapture(settings, board, runDir, PacketCapture.start(settings, board, runDir.resolve(PCAP)), null);
        } catch (CaptureUnavailableException e) {
            return new WireCapture(settings, board, runDir, null, e.getMessage());
        }
    }

    /** Whether packets are being captured; if not, {@link #finish} writes the reason. */
    public boolean capturing() {
        return capture.isPresent();
    }

    /**
     * Stops the capture, reads it back and writes wire.json; returns what it wrote. Once: a later call
     * (the campaign finishes it before its diagnosis, its owner again on the way out) returns the same.
     */
    public synchronized WireEvidence finish() throws IOException, InterruptedException {
        if (finished != null) {
            return finished;
        }
        WireEvidence evidence;
        if (capture.isEmpty()) {
            evidence = WireEvidence.unavailable("no capture: " + startFailure, board.getPort());
        } else {
            try {
                boolean complete = capture.get().stop();
                var conversations = new WireReader(settings.tshark(), settings.stopTimeout().multipliedBy(3))
                        .read(capture.get().file(), board.getPort());
                evidence = new WireEvidence(true, PCAP, complete ? null : "the end marker never reached " + PCAP
                        + " (dumpcap stopped early?); the last packets may be missing", board.getPort(), conversations);
            } catch (CaptureUnavailableException e) {
                evidence = WireEvidence.unavailable("capture unreadable: " + e.getMessage(), board.getPort());
            }
        }
        evidence.write(runDir);
        finished = evidence;
        return evidence;
    }
}
