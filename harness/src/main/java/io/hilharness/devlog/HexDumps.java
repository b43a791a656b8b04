package io.hilharness.devlog;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reassembles mbedTLS buffer dumps (debug.c's {@code mbedtls_debug_print_buf}): a header
 * {@code dumping 'label' (N bytes)}, then rows {@code %04x: } + up to 16 {@code " %02x"} + the bytes
 * as text. Row events are held back until the dump ends, so the last row can carry the bytes; a
 * dump cut short by another line of the same ssl context is released incomplete. Dumps of
 * different contexts (concurrent connections) are kept apart. Memory: at most one dump (4 KiB) per
 * context, and at most {@link #MAX_OPEN} contexts.
 */
final class HexDumps {

    private static final Pattern HEADER = Pattern.compile("dumping '(.{0,200})' \\(([0-9]{1,9}) bytes\\)$");
    static final int MAX_OPEN = 64;

    private static final Pattern ROW_OFFSET = Pattern.compile("([0-9a-fA-F]{4}): ");

    private static final class Pending {
        final String label;
        final int declared;
        final int expected;
        final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        final List<DeviceEvent> rows = new ArrayList<>();

        Pending(String label, int declared) {
            this.label = label;
            this.declared = declared;
            this.expected = Math.min(declared, HexDump.MAX_PRINTED);
        }

        HexDump dump(boolean complete) {
            return new HexDump(label, declared, bytes.toByteArray(), complete);
        }
    }

    private final Map<String, Pending> open = new LinkedHashMap<>();

    /** Passes {@code e} on to {@code out} (now or, for a dump row, when its dump ends), in order. */
    void accept(DeviceEvent e, Consumer<DeviceEvent> out) {
        String key = e.context() == null ? "" : e.context();
        Pending pending = open.get(key);
        String message = e.message() == null || e.message().length() > 512 ? "" : e.message();
        // Only a line starting like a header pays for a Matcher.
        Matcher header = message.startsWith("dumping '") ? HEADER.matcher(message) : null;
        if (header != null && header.lookingAt()) {
            release(key, out);
            out.accept(e);
            int declared = (int) Math.min(Integer.MAX_VALUE, Long.parseLong(header.group(2)));
            if (declared > 0) {
                if (open.size() >= MAX_OPEN) {
                    release(open.keySet().iterator().next(), out);
                }
                open.put(key, new Pending(header.group(1), declared));
            }
            return;
        }
        if (pending != null && appendRow(pending, message)) {
            pending.rows.add(e);
            if (pending.bytes.size() >= pending.expected) {
                open.remove(key);
                emit(pending, true, out);
            }
            return;
        }
        if (pending != null) {
            release(key, out);
        }
        out.accept(e);
    }

    /** Releases every unfinished dump (end of stream). */
    void flush(Consumer<DeviceEvent> out) {
        for (String key : new ArrayList<>(open.keySet())) {
            release(key, out);
        }
    }

    private void release(String key, Consumer<DeviceEvent> out) {
        Pending p = open.remove(key);
        if (p != null) {
            emit(p, false, out);
        }
    }

    private static void emit(Pending p, boolean complete, Consumer<DeviceEvent> out) {
        int last = p.rows.size() - 1;
        for (int i = 0; i < last; i++) {
            out.accept(p.rows.get(i));
        }
        if (last >= 0) {
            out.accept(p.rows.get(last).withDump(p.dump(complete)));
        }
    }

    /** Adds one row's bytes when it continues the dump at the right offset; false otherwise. */
    private static boolean appendRow(Pending p, String row) {
        Matcher m = ROW_OFFSET.matcher(row);
        if (!m.lookingAt() || Integer.parseInt(m.group(1), 16) != p.bytes.size()) {
            return false;
        }
        int i = m.end();
        int n = 0;
        while (n < 16 && i + 2 < row.length() && row.charAt(i) == ' '
                && hex(row.charAt(i + 1)) >= 0 && hex(row.charAt(i + 2)) >= 0) {
            p.bytes.write(hex(row.charAt(i + 1)) * 16 + hex(row.charAt(i + 2)));
            i += 3;
            n++;
        }
        return n > 0;
    }

    private static int hex(char c) {
        return Character.digit(c, 16);
    }
}
