package io.hilharness.devlog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.junit.jupiter.api.Test;

class HexDumpsTest {

    private static List<DeviceEvent> parseAll(List<String> lines) {
        DeviceLogParser p = new DeviceLogParser(new MbedtlsNativeFormat());
        List<DeviceEvent> events = new ArrayList<>(Fixtures.parse(p, lines));
        events.addAll(p.flush());
        return events;
    }

    @Test
    void reassemblesRowsIntoBytesOnTheLastRow() {
        List<DeviceEvent> events = parseAll(List.of(
                "./library/ssl_msg.c:2110: |4| 0x1: dumping 'input record header' (5 bytes)",
                "./library/ssl_msg.c:2110: |4| 0x1: 0000:  16 03 01 00 c4                                   .....",
                "./library/ssl_srv.c:4511: |2| 0x1: server state: 1"));
        assertEquals(3, events.size(), "no line lost");
        HexDump dump = events.get(1).dump();
        assertEquals("16030100c4", dump.hex());
        assertTrue(dump.complete());
        assertEquals("input record header", dump.label());
        assertEquals(EventType.OTHER, events.get(1).type());
    }

    @Test
    void keepsConcurrentContextsApartAndReleasesInterruptedDumps() {
        List<DeviceEvent> events = parseAll(List.of(
                "a.c:1: |4| 0xA: dumping 'x' (20 bytes)",
                "a.c:1: |4| 0xB: dumping 'y' (2 bytes)",
                "a.c:1: |4| 0xA: 0000:  00 01 02 03 04 05 06 07 08 09 0a 0b 0c 0d 0e 0f  ................",
                "a.c:1: |4| 0xB: 0000:  ff ee                                            ..",
                "a.c:2: |2| 0xA: server state: 3"));
        assertEquals(List.of(1L, 2L, 4L, 3L, 5L), events.stream().map(DeviceEvent::seq).toList(),
                "B completes first; A's held row is released when A logs something else");
        assertEquals("ffee", events.get(2).dump().hex());
        HexDump partial = events.get(3).dump();
        assertFalse(partial.complete());
        assertEquals(16, partial.bytes().length);
        assertEquals(20, partial.declaredLength());
        assertNull(events.get(4).dump());
    }

    @Test
    void unfinishedDumpIsReleasedByFlush() {
        List<DeviceEvent> events = parseAll(List.of(
                "a.c:1: |4| 0xA: dumping 'x' (32 bytes)",
                "a.c:1: |4| 0xA: 0000:  00 01 02 03 04 05 06 07 08 09 0a 0b 0c 0d 0e 0f  ................"));
        assertEquals(2, events.size());
        assertFalse(events.get(1).dump().complete());
    }

    @Test
    void realCaptureDumpsMatchTheirDeclaredLengths() {
        List<DeviceEvent> events = parseAll(Fixtures.lines("refboard-mbedtls-noports.log"));
        List<HexDump> dumps = events.stream().map(DeviceEvent::dump).filter(Objects::nonNull).toList();
        assertTrue(dumps.size() > 50, "dumps found: " + dumps.size());
        for (HexDump d : dumps) {
            assertTrue(d.complete(), d.toString());
            assertEquals(Math.min(d.declaredLength(), HexDump.MAX_PRINTED), d.bytes().length, d.toString());
        }
        // The first record the client sent is a TLS handshake record (0x16) of version 3.x.
        HexDump header = dumps.stream().filter(d -> d.label().equals("input record header")).findFirst().orElseThrow();
        assertEquals(0x16, header.bytes()[0]);
        assertEquals(0x03, header.bytes()[1]);
        assertEquals(Fixtures.lines("refboard-mbedtls-noports.log").size(), events.size(), "no line lost");
    }
}
