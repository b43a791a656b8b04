package io.hilharness.capture;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.locks.LockSupport;

/**
 * Marker datagrams that prove how far a capture file has got: each carries a fresh nonce, goes over
 * loopback to our own sink socket (never to the board), and is in the file once dumpcap has written
 * it. The file is searched for the nonce's bytes; no pcapng parsing needed.
 */
final class CaptureMarkers implements AutoCloseable {
    private static final Duration RESEND = Duration.ofMillis(100);

    private final DatagramSocket sink;
    private final DatagramSocket sender;

    private CaptureMarkers(DatagramSocket sink, DatagramSocket sender) {
        this.sink = sink;
        this.sender = sender;
    }

    static CaptureMarkers open(InetAddress loopback) throws IOException {
        DatagramSocket sink = new DatagramSocket(new InetSocketAddress(loopback, 0));
        try {
            return new CaptureMarkers(sink, new DatagramSocket(new InetSocketAddress(loopback, 0)));
        } catch (IOException e) {
            sink.close();
            throw e;
        }
    }

    int port() {
        return sink.getLocalPort();
    }

    /**
     * Sends a marker (again every 100 ms: the first may go out before the capture is live) until its
     * nonce shows up in {@code file}, or the timeout passes.
     */
    boolean await(Path file, Duration timeout) throws InterruptedException {
        byte[] nonce = ("hil-capture-marker-" + UUID.randomUUID()).getBytes(StandardCharsets.US_ASCII);
        long deadline = System.nanoTime() + timeout.toNanos();
        long from = size(file); // the marker can only be written after what is already there
        while (System.nanoTime() < deadline) {
            try {
                sender.send(new DatagramPacket(nonce, nonce.length, sink.getLocalSocketAddress()));
            } catch (IOException e) {
                return false;
            }
            long nextSend = System.nanoTime() + RESEND.toNanos();
            while (System.nanoTime() < Math.min(nextSend, deadline)) {
                if (contains(file, from, nonce)) {
                    return true;
                }
                LockSupport.parkNanos(Duration.ofMillis(20).toNanos()); // poll interval, not a wait for a guess
                if (Thread.interrupted()) {
                    throw new InterruptedException();
                }
            }
        }
        return false;
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException notYet) {
            return 0;
        }
    }

    private static boolean contains(Path file, long from, byte[] needle) {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            long length = channel.size() - from;
            if (length < needle.length) {
                return false;
            }
            byte[] data = new byte[(int) Math.min(length, Integer.MAX_VALUE - 8)];
            ByteBuffer buffer = ByteBuffer.wrap(data);
            while (buffer.hasRemaining() && channel.read(buffer, from + buffer.position()) > 0) {
                // read the tail written since the marker went out
            }
            outer:
            for (int i = buffer.position() - needle.length; i >= 0; i--) {
                for (int j = 0; j < needle.length; j++) {
                    if (data[i + j] != needle[j]) {
                        continue outer;
                    }
                }
                return true;
            }
            return false;
        } catch (IOException notYet) {
            return false;
        }
    }

    @Override
    public void close() {
        sender.close();
        sink.close();
    }
}
