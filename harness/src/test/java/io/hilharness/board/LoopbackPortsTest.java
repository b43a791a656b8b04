package io.hilharness.board;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LoopbackPortsTest {

    @Test
    void aBoardsPortIsFreeAndBelowTheEphemeralRange() throws Exception {
        int low = LoopbackPorts.ephemeralLow(LoopbackPorts.EPHEMERAL_RANGE);
        assertTrue(low > LoopbackPorts.LOWEST + 1_000, "this Linux's ephemeral ports start at " + low);
        for (int i = 0; i < 20; i++) {
            int port = LoopbackPorts.free();
            assertTrue(port >= LoopbackPorts.LOWEST && port < low, port + " against ephemeral ports from " + low);
            try (ServerSocket board = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
                assertEquals(port, board.getLocalPort());
            }
        }
    }

    @Test
    void readsTheKernelsRangeAndSaysZeroWhereThereIsNone(@TempDir Path dir) throws Exception {
        Path range = Files.writeString(dir.resolve("ip_local_port_range"), "32768\t60999\n");
        assertEquals(32768, LoopbackPorts.ephemeralLow(range));
        assertEquals(0, LoopbackPorts.ephemeralLow(dir.resolve("missing")));
        assertEquals(0, LoopbackPorts.ephemeralLow(Files.writeString(dir.resolve("garbage"), "x")));
    }
}
