package io.hilharness.capture;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import io.hilharness.netns.NetworkScope;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A running dumpcap writing one pcapng: started with a capture filter on the board's address and
 * port, stopped with SIGTERM so it closes the file. A JVM shutdown hook stops it too, so Ctrl-C
 * leaves a complete file behind.
 *
 * <p>dumpcap says "Capturing on" before packets really flow, and on SIGTERM it drops what is still in
 * the kernel's ring. So readiness and completeness are both checked with {@link CaptureMarkers}: a
 * datagram with a fresh nonce, sent over loopback to our own sink socket (the filter includes its
 * port), is known to be captured once its nonce is in the file; packets sent earlier are in it too.
 */
public final class PacketCapture implements AutoCloseable {
    private static final String READY = "Capturing on";

    private final Process process;
    private final Path file;
    private final CaptureSettings settings;
    private final List<String> stderr;
    private final CaptureMarkers markers;
    private final Thread shutdownHook;
    private boolean stopped;
    private boolean complete;

    private PacketCapture(Process process, Path file, CaptureSettings settings, List<String> stderr, CaptureMarkers markers) {
        this.process = process;
        this.markers = markers;
        this.file = file;
        this.settings = settings;
        this.stderr = stderr;
        this.shutdownHook = new Thread(this::stopQuietly, "capture-stop-on-exit");
        Runtime.getRuntime().addShutdownHook(shutdownHook);
    }

    /** The filter dumpcap gets: only the board's own TCP traffic. */
    public static String filter(InetSocketAddress board) {
        return "host " + board.getAddress().getHostAddress() + " and tcp port " + board.getPort();
    }

    private static String filter(InetSocketAddress board, InetAddress markers, int markerPort) {
        return "(" + filter(board) + ") or (host " + markers.getHostAddress() + " and udp port " + markerPort + ")";
    }

    /**
     * Starts dumpcap and waits (bounded) until it captures.
     *
     * @throws CaptureUnavailableException with the reason when the tool is missing, lacks permission,
     *                                     or is not ready in time
     */
    public static PacketCapture start(CaptureSettings settings, InetSocketAddress board, Path file)
            throws CaptureUnavailableException, InterruptedException {
        if (board.getAddress() == null || !NetworkScope.mayReach(board.getAddress())) {
            throw new CaptureUnavailableException("the board " + board + " is neither on loopback nor inside the "
                    + "private network namespace hil created; captures stay there");
        }
        // The markers go over loopback: beside a loopback board on its address, else on 127.0.0.1
        // (inside the namespace, captured by the same socket as the board's tap; see NetworkScope).
        InetAddress markerAddress = board.getAddress().isLoopbackAddress() ? board.getAddress() : InetAddress.getLoopbackAddress();
        CaptureMarkers markers;
        try {
            markers = CaptureMarkers.open(markerAddress);
        } catch (IOException e) {
            throw new CaptureUnavailableException("cannot open the capture marker socket: " + e.getMessage(), e);
        }
        List<String> command = List.of(settings.dumpcap(), "-q", "-i", settings.iface(), "-f",
                filter(board, markerAddress, markers.port()), "-w", file.toString());
        Process process;
        try {
            process = new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        } catch (IOException e) {
            markers.close();
            throw new CaptureUnavailableException("cannot start " + settings.dumpcap() + ": " + e.getMessage()
                    + " (install the Debian package tshark)", e);
        }
        List<String> stderr = new ArrayList<>();
        CountDownLatch ready = new CountDownLatch(1);
        Thread reader = new Thread(() -> collect(process, stderr, ready), "dumpcap-stderr");
        reader.setDaemon(true);
        reader.start();
        // Ready is the latch; an early exit (no permission, bad interface) counts the latch down too.
        boolean signalled = ready.await(settings.readyTimeout().toMillis(), TimeUnit.MILLISECONDS);
        boolean capturing;
        synchronized (stderr) {
            capturing = stderr.stream().anyMatch(l -> l.contains(READY));
        }
        if (signalled && capturing && !markers.await(file, settings.readyTimeout())) {
            synchronized (stderr) {
                stderr.add("no marker packet reached " + file.getFileName() + " within " + settings.readyTimeout().toSeconds() + " s");
            }
            capturing = false;
        }
        if (!signalled || !capturing) {
            process.destroyForcibly();
            markers.close();
            String said;
            synchronized (stderr) {
                said = String.join(" | ", stderr);
            }
            throw new CaptureUnavailableException(settings.dumpcap() + (signalled ? " stopped before capturing" : " not capturing after "
                    + settings.readyTimeout().toSeconds() + " s") + (said.isBlank() ? "" : ": " + said));
        }
        return new PacketCapture(process, file, settings, stderr, markers);
    }

    private static void collect(Process process, List<String> stderr, CountDownLatch ready) {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getErrorStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                synchronized (stderr) {
                    stderr.add(line);
                }
                if (line.contains(READY)) {
                    ready.countDown();
                }
            }
        } catch (IOException ignored) {
            // the stream closes when dumpcap exits
        } finally {
            ready.countDown();
        }
    }

    public Path file() {
        return file;
    }

    /**
     * Stops dumpcap and waits (bounded) until it has written and closed the file.
     *
     * @return whether the file is known complete (the end marker reached it); when not, what is in it
     *         still holds, but the last packets may be missing
     * @throws CaptureUnavailableException when dumpcap does not exit in time
     */
    public synchronized boolean stop() throws CaptureUnavailableException, InterruptedException {
        if (stopped) {
            return complete;
        }
        stopped = true;
        removeHook();
        // Everything sent before this marker is in the file once the marker is.
        complete = markers.await(file, settings.stopTimeout());
        markers.close();
        process.destroy(); // SIGTERM: dumpcap closes the pcapng
        if (!process.waitFor(settings.stopTimeout().toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly();
            throw new CaptureUnavailableException(settings.dumpcap() + " did not stop within "
                    + settings.stopTimeout().toSeconds() + " s; the capture may be incomplete");
        }
        return complete;
    }

    /** What dumpcap wrote on stderr (its banner and packet counts). */
    public List<String> messages() {
        synchronized (stderr) {
            return List.copyOf(stderr);
        }
    }

    private void removeHook() {
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException shuttingDown) {
            // already running as the hook itself
        }
    }

    private void stopQuietly() {
        try {
            stop();
        } catch (CaptureUnavailableException | InterruptedException ignored) {
            // the JVM is exiting; nothing left to report to
        }
    }

    @Override
    public void close() throws CaptureUnavailableException, InterruptedException {
        stop();
    }
}
