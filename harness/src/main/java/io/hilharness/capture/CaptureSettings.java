package io.hilharness.capture;

import io.hilharness.netns.NetworkScope;
import java.net.InetAddress;
import java.time.Duration;

/**
 * How to capture: which tools, which interface, how long to wait for them.
 *
 * @param dumpcap      the capture program (Debian package tshark ships it)
 * @param tshark       the reader that turns the pcapng into fields
 * @param iface        the interface that reaches the board; {@code lo} for the reference board, {@code any}
 *                     inside the private namespace of the lwIP board
 * @param readyTimeout how long dumpcap may take to report "Capturing on"
 * @param stopTimeout  how long dumpcap may take to flush and exit after being told to stop
 */
public record CaptureSettings(String dumpcap, String tshark, String iface, Duration readyTimeout, Duration stopTimeout) {

    /** The defaults for a board on loopback: tools from PATH, interface lo. */
    public static CaptureSettings loopback() {
        return new CaptureSettings("dumpcap", "tshark", "lo", Duration.ofSeconds(10), Duration.ofSeconds(10));
    }

    /** The same tools on the interface that reaches {@code board} (see {@link NetworkScope#captureInterface}). */
    public CaptureSettings forBoard(InetAddress board) {
        return new CaptureSettings(dumpcap, tshark, NetworkScope.captureInterface(board), readyTimeout, stopTimeout);
    }

    public CaptureSettings withDumpcap(String program) {
        return new CaptureSettings(program, tshark, iface, readyTimeout, stopTimeout);
    }
}
