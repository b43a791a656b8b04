package io.hilharness.devlog;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Names and descriptions of mbedTLS 2.28 error codes, from {@code mbedtls-errors.tsv} (generated
 * from the mbedTLS headers, see {@code MbedtlsErrorHeaders} in the tests). A returned code may be a
 * high-level code plus a low-level one (e.g. -0x21E0 = X509_INVALID_FORMAT -0x2180 +
 * ASN1_OUT_OF_DATA -0x0060), so unknown codes are split like mbedtls_strerror does: high =
 * (-code) & 0xFF80, low = (-code) & ~0xFF80.
 */
public final class MbedtlsErrors {

    private static final int HIGH_MASK = 0xFF80;
    private static final String TABLE = "mbedtls-errors.tsv";

    /** What the table says of one code. */
    private record Entry(String name, String description) {
    }

    private static final Map<Integer, Entry> BY_CODE = load();

    /** Names already made: a long log names the same few codes once per session. Bounded, as codes come from device logs. */
    private static final ConcurrentMap<Integer, Optional<String>> NAMES = new ConcurrentHashMap<>();
    private static final int NAMES_KEPT = 4096;

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

    /** The code as mbedTLS prints it: {@code -0x7780} (upper-case hex, at least 4 digits). */
    public static String hex(int code) {
        long v = code;
        return (v < 0 ? "-" : "") + String.format("0x%04X", Math.abs(v));
    }

    private record Part(int code, Entry entry) {
    }

    private static List<Part> parts(int code) {
        List<Part> parts = new ArrayList<>();
        if (code >= 0) {
            return parts;
        }
        Entry exact = BY_CODE.get(code);
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

    /** The table's lines: {@code -0x7780<TAB>MBEDTLS_ERR_SSL_FATAL_ALERT_MESSAGE<TAB>description}; # starts a comment. */
    private static Map<Integer, Entry> load() {
        Map<Integer, Entry> byCode = new HashMap<>();
        try (InputStream in = MbedtlsErrors.class.getResourceAsStream(TABLE)) {
            if (in == null) {
                throw new IllegalStateException(TABLE + " is not on the class path");
            }
            BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line; (line = lines.readLine()) != null; ) {
                if (line.isEmpty() || line.startsWith("#")) {
                    continue;
                }
                String[] fields = line.split("\t", 3);
                Integer code = fields.length == 3 ? ErrorCodes.parse(fields[0]) : null;
                if (code == null) {
                    throw new IllegalStateException(TABLE + ": not a code, name and description: " + line);
                }
                byCode.putIfAbsent(code, new Entry(fields[1], fields[2]));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Map.copyOf(byCode);
    }
}
