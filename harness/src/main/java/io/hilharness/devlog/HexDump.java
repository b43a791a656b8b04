package io.hilharness.devlog;

import java.util.HexFormat;

/**
 * Bytes reassembled from an mbedTLS {@code MBEDTLS_SSL_DEBUG_BUF} dump ({@code dumping 'label' (N bytes)}
 * followed by 16-byte rows), e.g. a Certificate message as the board sent it.
 *
 * @param label          the dump's label, e.g. {@code output record sent to network}
 * @param declaredLength N from the header; mbedTLS prints at most 4096 bytes of it
 * @param bytes          the bytes read from the rows
 * @param complete       every printed row arrived (false when another line interrupted the dump)
 */
public record HexDump(String label, int declaredLength, byte[] bytes, boolean complete) {

    /** mbedTLS's debug_print_buf stops after this many bytes. */
    public static final int MAX_PRINTED = 4096;

    public HexDump {
        bytes = bytes.clone();
    }

    @Override
    public byte[] bytes() {
        return bytes.clone();
    }

    /** Lower-case hex of the bytes, for comparisons in reports and tests. */
    public String hex() {
        return HexFormat.of().formatHex(bytes);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof HexDump h && h.label.equals(label) && h.declaredLength == declaredLength
                && h.complete == complete && java.util.Arrays.equals(h.bytes, bytes);
    }

    @Override
    public int hashCode() {
        return label.hashCode() * 31 + java.util.Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
        return "HexDump[" + label + ", " + bytes.length + "/" + declaredLength + " bytes" + (complete ? "" : ", incomplete") + "]";
    }
}
