package io.hilharness.console;

import static org.junit.jupiter.api.Assertions.assertEquals;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** The eight-bytes-at-a-time searches answer exactly what a byte-by-byte loop answers, at any alignment. */
class ByteScanPropertyTest {

    @Provide
    Arbitrary<byte[]> bytes() {
        // Mostly printable text, with the boundary values of each test mixed in.
        Arbitrary<Byte> any = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(20, Arbitraries.bytes().between((byte) 0x20, (byte) 0x7E)),
                net.jqwik.api.Tuple.of(3, Arbitraries.of((byte) '\r', (byte) '\n', (byte) 0x1F, (byte) 0x7F,
                        (byte) 0x80, (byte) 0xFF, (byte) 0x00, (byte) '\t', (byte) 0x0C, (byte) 0x0B, (byte) 0x8A, (byte) 0x8D)),
                net.jqwik.api.Tuple.of(1, Arbitraries.bytes()));
        return any.array(byte[].class).ofMaxSize(40);
    }

    @Property(tries = 5000)
    void lineEndIsTheFirstTerminator(@ForAll("bytes") byte[] b, @ForAll("offsets") int skip) {
        int from = Math.min(skip, b.length);
        int expected = from;
        while (expected < b.length && b[expected] != '\r' && b[expected] != '\n') {
            expected++;
        }
        assertEquals(expected, ByteScan.lineEnd(b, from, b.length));
    }

    @Property(tries = 5000)
    void printableAsciiMatchesTheRange(@ForAll("bytes") byte[] b, @ForAll("offsets") int skip) {
        int from = Math.min(skip, b.length);
        boolean expected = true;
        for (int i = from; i < b.length; i++) {
            expected &= b[i] >= 0x20 && b[i] <= 0x7E;
        }
        assertEquals(expected, ByteScan.printableAscii(b, from, b.length));
    }

    @Provide
    Arbitrary<Integer> offsets() {
        return Arbitraries.integers().between(0, 9);
    }
}
