package io.hilharness.capture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** tshark 4.0 field lines (taken from a real capture of a TLS 1.2 handshake the client aborted with alert 48). */
class TsharkFieldsTest {
    private static final int BOARD = 18444;

    private static int frame;

    private static String line(int stream, int src, int dst, int fin, int rst, String types, String hs, String level,
                               String desc, String retrans, String zeroWin, int len, String time, String certs) {
        return String.join("\t", String.valueOf(stream), String.valueOf(src), String.valueOf(dst), String.valueOf(fin),
                String.valueOf(rst), types, hs, level, desc, retrans, zeroWin, String.valueOf(len), time, certs,
                String.valueOf(++frame));
    }

    private static final List<String> ABORTED = List.of(
            line(0, 53036, BOARD, 0, 0, "", "", "", "", "", "", 0, "1795778988.477731970", ""),
            line(0, BOARD, 53036, 0, 0, "", "", "", "", "", "", 0, "1795778988.477752244", ""),
            line(0, 53036, BOARD, 0, 0, "22", "1", "", "", "", "", 188, "1795778988.484103823", ""),
            line(0, BOARD, 53036, 0, 0, "22,22,22,22", "2,11,12,14", "", "", "", "", 582, "1795778988.484900846",
                    "3082016c30820113,30820150"),
            line(0, 53036, BOARD, 0, 0, "21", "", "2", "48", "", "", 7, "1795778988.494663736", ""),
            line(0, BOARD, 53036, 1, 0, "", "", "", "", "", "", 0, "1795778988.495311477", ""),
            line(0, 53036, BOARD, 1, 0, "", "", "", "", "", "", 0, "1795778988.496170257", ""),
            line(0, 53036, BOARD, 0, 0, "21", "", "2", "48", "1", "", 7, "1795778988.497", ""),
            line(1, 53040, BOARD, 0, 0, "22", "1", "", "", "", "", 188, "1795778989.1", ""),
            line(1, BOARD, 53040, 0, 1, "", "", "", "", "", "1", 0, "1795778989.2", ""));

    @Test
    void oneConversationPerStreamWithItsClientPort() {
        List<WireConversation> conversations = TsharkFields.parse(ABORTED, BOARD);
        assertEquals(2, conversations.size());
        assertEquals(53036, conversations.get(0).clientPort());
        assertEquals(0, conversations.get(0).stream());
        assertEquals(53040, conversations.get(1).clientPort());
    }

    @Test
    void handshakeFlightAlertAndDirectionAreRead() {
        WireConversation c = TsharkFields.parse(ABORTED, BOARD).get(0);
        assertEquals(3, c.records().size());
        WireRecord flight = c.records().get(1);
        assertEquals(Direction.SERVER_TO_CLIENT, flight.direction());
        assertEquals(List.of(2, 11, 12, 14), flight.handshakeTypes());
        List<WireRecord> alerts = c.alerts(Direction.CLIENT_TO_SERVER);
        assertEquals(1, alerts.size());
        assertEquals(48, alerts.get(0).alertDescription());
        assertEquals(2, alerts.get(0).alertLevel());
        assertTrue(c.alerts(Direction.SERVER_TO_CLIENT).isEmpty());
        assertEquals(List.of("3082016c30820113", "30820150"), c.serverCertificates());
    }

    @Test
    void closeRetransmissionsAndBytesAreCounted() {
        List<WireConversation> conversations = TsharkFields.parse(ABORTED, BOARD);
        WireConversation fin = conversations.get(0);
        assertEquals(Side.SERVER, fin.closedBy());
        assertEquals(CloseKind.FIN, fin.closeKind());
        assertTrue(fin.resetBy().isEmpty());
        assertEquals(1, fin.retransmissions());
        assertEquals(188 + 7, fin.bytesClientToServer(), "the retransmitted alert is not counted twice");
        assertEquals(1, fin.alerts(Direction.CLIENT_TO_SERVER).size());
        assertEquals(582, fin.bytesServerToClient());
        WireConversation rst = conversations.get(1);
        assertEquals(Side.SERVER, rst.closedBy());
        assertEquals(CloseKind.RST, rst.closeKind());
        assertEquals(List.of(Side.SERVER), rst.resetBy());
        assertEquals(1, rst.zeroWindows());
        assertTrue(rst.summary().contains("server RST"), rst.summary());
        assertTrue(fin.summary().contains("fatal alert 48 unknown_ca"), fin.summary());
        assertTrue(fin.summary().contains("S>ServerHello, Certificate, ServerKeyExchange, ServerHelloDone"), fin.summary());
    }

    @Test
    void frameNumbersLocateTheFlightTheAlertAndTheCloses() {
        List<WireConversation> conversations = TsharkFields.parse(ABORTED, BOARD);
        WireConversation fin = conversations.get(0);
        assertEquals(4, fin.certificateRecord().orElseThrow().frame(), "the flight with the Certificate");
        assertEquals(5, fin.alerts(Direction.CLIENT_TO_SERVER).get(0).frame());
        assertEquals(6, fin.closeFrame(), "the board's FIN");
        assertNull(fin.serverResetFrame());
        assertEquals(10, conversations.get(1).serverResetFrame());
        assertEquals(Direction.CLIENT_TO_SERVER, fin.lastRecord(Direction.CLIENT_TO_SERVER).orElseThrow().direction());
        assertEquals(5, fin.lastRecord(Direction.CLIENT_TO_SERVER).orElseThrow().frame());
    }

    @Test
    void theCertificateDigestIsTheSameForTheSameChainOnly() {
        WireConversation c = TsharkFields.parse(ABORTED, BOARD).get(0);
        assertEquals(64, c.certificateDigest().orElseThrow().length());
        List<String> other = ABORTED.stream().map(l -> l.replace("30820150", "30820151")).toList();
        assertTrue(!c.certificateDigest().equals(TsharkFields.parse(other, BOARD).get(0).certificateDigest()));
        assertTrue(TsharkFields.parse(ABORTED, BOARD).get(1).certificateDigest().isEmpty(), "no Certificate message");
    }

    @Test
    void garbageAndForeignLinesAreSkippedNotFatal() {
        List<String> lines = List.of("", "not\ttshark", line(3, 1111, 2222, 0, 0, "", "", "", "", "", "", 5, "1.0", ""),
                "x\t53036\t" + BOARD + "\t0\t0\t\t\t\t\t\t\t0\t1.0\t\t9", ABORTED.get(2));
        List<WireConversation> conversations = TsharkFields.parse(lines, BOARD);
        assertEquals(1, conversations.size());
        assertNull(conversations.get(0).closedBy());
        assertEquals(188, conversations.get(0).bytesClientToServer());
    }

    @Test
    void argumentsDecodeTheBoardPortAsTlsAndAskEveryField() {
        List<String> args = TsharkFields.arguments("capture.pcapng", BOARD);
        assertTrue(args.contains("tcp.port==" + BOARD + ",tls"));
        assertEquals(TsharkFields.FIELDS.size(), args.stream().filter("-e"::equals).count());
    }
}
