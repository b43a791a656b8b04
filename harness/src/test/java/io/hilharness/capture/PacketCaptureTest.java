package io.hilharness.capture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.hilharness.json.Json;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A real dumpcap on loopback against a plain TCP server in the test (CI installs tshark). */
class PacketCaptureTest {
    @TempDir
    Path dir;

    private static boolean onPath(String program) {
        return List.of(System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)).stream()
                .anyMatch(p -> Files.isExecutable(Path.of(p, program)));
    }

    @Test
    void everyPacketUpToTheStopIsInTheFileAndTheServersResetIsSeen() throws Exception {
        assumeTrue(onPath("dumpcap") && onPath("tshark"), "dumpcap/tshark not installed (Debian package tshark)");
        try (ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            InetSocketAddress endpoint = new InetSocketAddress(InetAddress.getLoopbackAddress(), server.getLocalPort());
            WireCapture capture = WireCapture.start(CaptureSettings.loopback(), endpoint, dir);
            assumeTrue(capture.capturing(), "no capture permission here");
            int clientPort;
            try (Socket client = new Socket(endpoint.getAddress(), endpoint.getPort());
                 Socket accepted = server.accept()) {
                clientPort = client.getLocalPort();
                OutputStream out = client.getOutputStream();
                out.write(new byte[100]);
                out.flush();
                InputStream in = accepted.getInputStream();
                assertEquals(100, in.readNBytes(100).length);
                accepted.getOutputStream().write(new byte[40]);
                assertEquals(40, client.getInputStream().readNBytes(40).length);
                accepted.setSoLinger(true, 0); // close with RST, as a board out of buffers does
                accepted.close();
                // the very last packet, right before the stop: it must still be in the file
            }
            WireEvidence evidence = capture.finish();

            assertTrue(evidence.captured(), evidence.reason());
            assertNull(evidence.reason(), "the end marker proves the file complete");
            assertTrue(Files.size(dir.resolve(WireCapture.PCAP)) > 0);
            List<WireConversation> conversations = evidence.forPort(clientPort);
            assertEquals(1, conversations.size(), evidence.conversations().toString());
            WireConversation c = conversations.get(0);
            assertEquals(100, c.bytesClientToServer());
            assertEquals(40, c.bytesServerToClient());
            assertEquals(Side.SERVER, c.closedBy());
            assertEquals(CloseKind.RST, c.closeKind());
            assertTrue(c.resetBy().contains(Side.SERVER));
            JsonNode json = Json.mapper().readTree(dir.resolve(WireEvidence.FILE).toFile());
            assertEquals(clientPort, json.get("conversations").get(0).get("clientPort").asInt());
            assertEquals(evidence, WireEvidence.read(dir).orElseThrow());
            assertTrue(evidence.headline().contains("1 TCP streams in capture.pcapng"), evidence.headline());
        }
    }

    @Test
    void withoutDumpcapTheRunGoesOnAndWireJsonSaysWhy() throws Exception {
        InetSocketAddress endpoint = new InetSocketAddress(InetAddress.getLoopbackAddress(), 4433);
        WireCapture capture = WireCapture.start(CaptureSettings.loopback().withDumpcap(dir.resolve("no-such-dumpcap").toString()),
                endpoint, dir);
        assertFalse(capture.capturing());
        WireEvidence evidence = capture.finish();

        assertFalse(evidence.captured());
        assertNull(evidence.pcap());
        assertTrue(evidence.reason().contains("no-such-dumpcap"), evidence.reason());
        assertTrue(evidence.reason().contains("tshark"), "names the package to install: " + evidence.reason());
        assertEquals("wire: " + evidence.reason(), evidence.headline());
        assertFalse(Files.exists(dir.resolve(WireCapture.PCAP)));
        assertEquals(evidence.reason(), Json.mapper().readTree(dir.resolve(WireEvidence.FILE).toFile()).get("reason").asText());
    }

    @Test
    void aBoardOffLoopbackIsNeverCaptured() throws Exception {
        WireCapture capture = WireCapture.start(CaptureSettings.loopback(),
                new InetSocketAddress(InetAddress.getByAddress(new byte[] {10, 0, 0, 1}), 443), dir);
        assertFalse(capture.capturing());
        assertTrue(capture.finish().reason().contains("loopback"));
    }

    @Test
    void theFilterNamesOnlyTheBoard() {
        assertEquals("host 127.0.0.1 and tcp port 4433",
                PacketCapture.filter(new InetSocketAddress(InetAddress.getLoopbackAddress(), 4433)));
    }
}
