package io.hilharness.console;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Framing rules byte by byte, with every chunk boundary a serial read could produce. */
class LineFramerTest {

    private final List<ConsoleLine> out = new ArrayList<>();
    private final Clock clock = Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);

    private LineFramer framer(int max) {
        return new LineFramer(max, 0, clock, out::add);
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    /** Feeds {@code data} split at every possible single position, asserting the same result each time. */
    private List<String> framedAtEverySplit(byte[] data, int max) {
        List<String> first = null;
        for (int cut = 0; cut <= data.length; cut++) {
            out.clear();
            LineFramer f = framer(max);
            f.feed(data, 0, cut);
            f.feed(data, cut, data.length - cut);
            f.flush();
            List<String> texts = out.stream().map(ConsoleLine::text).toList();
            if (first == null) {
                first = texts;
            } else {
                assertEquals(first, texts, "split at " + cut);
            }
        }
        return first;
    }

    @Test
    void terminatorsCrLfCrlfIndependentOfReadBoundaries() {
        byte[] data = bytes("a\r\nb\nc\rd\r\n\ne\r\u001b[2Kf");
        assertEquals(List.of("a", "b", "c", "d", "", "e", "\u001b[2Kf"), framedAtEverySplit(data, 64));
    }

    @Test
    void utf8SplitAnywhereDecodesRight() {
        byte[] data = bytes("é€🚀\n");
        assertEquals(List.of("é€🚀"), framedAtEverySplit(data, 64));
    }

    @Test
    void oneByteAtATime() {
        LineFramer f = framer(64);
        byte[] data = bytes("x\r\ny€\r\n");
        for (byte b : data) {
            f.feed(new byte[] {b}, 0, 1);
        }
        assertEquals(List.of("x", "y€"), out.stream().map(ConsoleLine::text).toList());
    }

    @Test
    void invalidUtf8BecomesReplacementCharacter() {
        LineFramer f = framer(64);
        byte[] data = {'a', (byte) 0xFF, 0x00, (byte) 0xC3, 'b', (byte) 0xED, (byte) 0xA0, (byte) 0x80, '\n'};
        f.feed(data, 0, data.length);
        String text = out.get(0).text();
        assertTrue(text.startsWith("a\uFFFD\u0000\uFFFDb\uFFFD"), text);
        // An encoded surrogate is invalid too; how many U+FFFD it becomes is the JDK decoder's choice.
        assertTrue(text.substring(6).chars().allMatch(ch -> ch == 0xFFFD), text);
    }

    @Test
    void seqAndOffsetsPointIntoTheStream() {
        LineFramer f = new LineFramer(64, 1000, clock, out::add);
        byte[] data = bytes("ab\r\n\ncd\re");
        f.feed(data, 0, data.length);
        f.flush();
        assertEquals(List.of(1L, 2L, 3L, 4L), out.stream().map(ConsoleLine::seq).toList());
        assertEquals(List.of(1000L, 1004L, 1005L, 1008L), out.stream().map(ConsoleLine::offset).toList());
        assertEquals(1009, f.nextOffset());
        assertEquals(5, f.nextSeq());
    }

    @Test
    void longLineIsCutIntoTruncatedPieces() {
        LineFramer f = framer(8);
        byte[] data = bytes("0123456789abcdefXYZ\nok\n");
        f.feed(data, 0, data.length);
        assertEquals(List.of("01234567", "89abcdef", "XYZ", "ok"), out.stream().map(ConsoleLine::text).toList());
        assertEquals(List.of(true, true, true, false), out.stream().map(ConsoleLine::truncated).toList());
        assertEquals(List.of(0L, 8L, 16L, 20L), out.stream().map(ConsoleLine::offset).toList());
    }

    @Test
    void lineOfExactlyMaxLengthIsNotTruncated() {
        LineFramer f = framer(8);
        byte[] data = bytes("01234567\r\n");
        f.feed(data, 0, data.length);
        assertEquals(1, out.size());
        assertFalse(out.get(0).truncated());
    }

    @Test
    void cutDoesNotSplitAUtf8Character() {
        LineFramer f = framer(8);
        byte[] data = bytes("abcdef€gh\n"); // € occupies bytes 6..8, across the 8-byte limit
        f.feed(data, 0, data.length);
        assertEquals(List.of("abcdef", "€gh"), out.stream().map(ConsoleLine::text).toList());
        assertEquals(6, out.get(1).offset());
        assertTrue(out.get(1).truncated());
    }

    @Test
    void flushEmitsPartialLineOnceAndNothingWhenIdle() {
        LineFramer f = framer(64);
        f.flush();
        assertTrue(out.isEmpty());
        f.feed(bytes("part"), 0, 4);
        f.flush();
        f.flush();
        assertEquals(List.of("part"), out.stream().map(ConsoleLine::text).toList());
        assertEquals(clock.instant(), out.get(0).hostTime());
    }

    @Test
    void incompleteTailDetection() {
        assertEquals(0, LineFramer.incompleteUtf8Tail(bytes("abc"), 3));
        assertEquals(1, LineFramer.incompleteUtf8Tail(new byte[] {'a', (byte) 0xC3}, 2));
        assertEquals(2, LineFramer.incompleteUtf8Tail(new byte[] {'a', (byte) 0xE2, (byte) 0x82}, 3));
        assertEquals(0, LineFramer.incompleteUtf8Tail(new byte[] {'a', (byte) 0xE2, (byte) 0x82, (byte) 0xAC}, 4));
        assertEquals(3, LineFramer.incompleteUtf8Tail(new byte[] {(byte) 0xF0, (byte) 0x9F, (byte) 0x9A}, 3));
        assertEquals(0, LineFramer.incompleteUtf8Tail(new byte[] {(byte) 0x80, (byte) 0x80, (byte) 0x80}, 3));
    }
}
