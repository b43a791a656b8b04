package io.hilharness.devlog;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Names and descriptions of mbedTLS 2.28 error codes. A returned code may be a high-level code plus
 * a low-level one (e.g. -0x21E0 = X509_INVALID_FORMAT -0x2180 + ASN1_OUT_OF_DATA -0x0060), so
 * unknown codes are split like mbedtls_strerror does: high = (-code) & 0xFF80, low = (-code) & ~0xFF80.
 */
public final class MbedtlsErrors {

    private static final int HIGH_MASK = 0xFF80;
    private static final Map<Integer, MbedtlsErrorTable.Entry> BY_CODE = new HashMap<>();

    static {
        for (MbedtlsErrorTable.Entry e : MbedtlsErrorTable.ENTRIES) {
            BY_CODE.putIfAbsent(e.code(), e);
        }
    }

    private MbedtlsErrors() {
    }

    /**
     * Constant name, e.g. {@code MBEDTLS_ERR_SSL_FATAL_ALERT_MESSAGE}; a combined code gives
     * {@code HIGH_NAME + LOW_NAME} (an unknown part shown as hex). Null for 0, positive values and
     * codes of which no part is known.
     */
    public static String name(int code) {
        Optional<String> known = NAMES.get(code);
        if (known == null) {
            known = Optional.ofNullable(nameOf(code));
            if (NAMES.size() < NAMES_KEPT) {
                NAMES.putIfAbsent(code, known);
            }
        }
        return known.orElse(null);
    }

    /** Names already made: a long log names the same few codes once per session. Bounded, as codes come from device logs. */
    private static final java.util.concurrent.ConcurrentMap<Integer, Optional<String>> NAMES =
            new java.util.concurrent.ConcurrentHashMap<>();
    private static final int NAMES_KEPT = 4096;

    private static String nameOf(int code) {
        List<Part> parts = parts(code);
        if (parts.stream().noneMatch(p -> p.entry != null)) {
            return null;
        }
        List<String> names = new ArrayList<>();
        for (Part p : parts) {
            names.add(p.entry != null ? p.entry.name() : hex(p.code));
        }
        return String.join(" + ", names);
    }

    /**
     * Human-readable explanation, e.g. {@code MBEDTLS_ERR_SSL_FATAL_ALERT_MESSAGE (-0x7780): A fatal
     * alert message was received from our peer.}; parts of a combined code joined by {@code "; "}.
     * Never null.
     */
    public static String describe(int code) {
        if (code == 0) {
            return "0: no error";
        }
        if (code > 0) {
            return code + ": not an mbedTLS error code (positive)";
        }
        List<String> texts = new ArrayList<>();
        for (Part p : parts(code)) {
            texts.add(p.entry != null
                    ? p.entry.name() + " (" + hex(p.code) + "): " + p.entry.description()
                    : "unknown mbedTLS error code " + hex(p.code));
        }
        return String.join("; ", texts);
    }

    /** The exact entry for a code (no splitting). */
    public static Optional<String> exactName(int code) {
        return Optional.ofNullable(BY_CODE.get(code)).map(MbedtlsErrorTable.Entry::name);
    }

    /** The code as mbedTLS prints it: {@code -0x7780} (upper-case hex, at least 4 digits). */
    public static String hex(int code) {
        long v = code;
        return (v < 0 ? "-" : "") + String.format("0x%04X", Math.abs(v));
    }

    /** Number of codes in the table (for tests and diagnostics). */
    public static int size() {
        return BY_CODE.size();
    }

    private record Part(int code, MbedtlsErrorTable.Entry entry) {
    }

    private static List<Part> parts(int code) {
        List<Part> parts = new ArrayList<>();
        if (code >= 0) {
            return parts;
        }
        MbedtlsErrorTable.Entry exact = BY_CODE.get(code);
        long positive = -(long) code;
        if (exact != null || positive > 0xFFFF) {
            // Codes beyond 16 bits are not mbedTLS composites; report them whole.
            parts.add(new Part(code, exact));
            return parts;
        }
        int high = (int) (positive & HIGH_MASK);
        int low = (int) (positive & ~HIGH_MASK);
        if (high != 0) {
            parts.add(new Part(-high, BY_CODE.get(-high)));
        }
        if (low != 0) {
            parts.add(new Part(-low, BY_CODE.get(-low)));
        }
        return parts;
    }
}
