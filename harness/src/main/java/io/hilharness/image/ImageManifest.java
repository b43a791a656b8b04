package io.hilharness.image;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.hilharness.devlog.LogFormats;
import io.hilharness.json.Json;
import io.hilharness.json.ParserMessages;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * An image's manifest: what the firmware reads at boot (flat keys) plus what the harness needs to
 * test it (pages to fetch, the trust a lab client uses, how to make the certificates).
 *
 * <p>The scenario settings ({@code cert_load_delay_ms_max}, {@code heap_bytes},
 * {@code leak_bytes_per_connection}, {@code partial_write_bug}, {@code hang_after_connections},
 * {@code crash_after_connections}) make the reference firmware reproduce a field failure; all are off
 * when absent. firmware-images/README.md describes what each does. {@code elf} names the image's ELF file
 * with debug information (relative to the image folder), which decodes a crash's addresses.
 */
public record ImageManifest(
        @JsonProperty(value = "name", required = true) String name,
        @JsonProperty(value = "cert_chain", required = true) String certChain,
        @JsonProperty(value = "private_key", required = true) String privateKey,
        @JsonProperty(value = "content_dir", required = true) String contentDir,
        @JsonProperty("port") Integer port,
        @JsonProperty("log_format") String logFormat,
        @JsonProperty("debug_threshold") Integer debugThreshold,
        @JsonProperty("max_sessions") Integer maxSessions,
        @JsonProperty("boot_delay_ms") Integer bootDelayMs,
        @JsonProperty("cert_load_delay_ms_max") Integer certLoadDelayMsMax,
        @JsonProperty("heap_bytes") Integer heapBytes,
        @JsonProperty("leak_bytes_per_connection") Integer leakBytesPerConnection,
        @JsonProperty("partial_write_bug") Boolean partialWriteBug,
        @JsonProperty("hang_after_connections") Integer hangAfterConnections,
        @JsonProperty("page") String page,
        @JsonProperty("stylesheet") String stylesheet,
        @JsonProperty("trust") String trust,
        @JsonProperty("pki") PkiSpec pki,
        @JsonProperty("out_content_len") Integer outContentLen,
        @JsonProperty("crash_after_connections") Integer crashAfterConnections,
        @JsonProperty("elf") String elf,
        @JsonProperty("board") String board,
        @JsonProperty("build") Map<String, Object> build) {

    public static final String FILE_NAME = "manifest.yaml";
    /**
     * The reference firmware (the default), the lwIP board (its binary built from {@code build:}) and the QEMU
     * Cortex-M board (its ELF built from {@code build:} with the image's certificates and content inside).
     */
    public static final String REFERENCE_BOARD = "reference";
    public static final String LWIP_BOARD = "lwip";
    public static final String QEMU_BOARD = "qemu";
    private static final List<String> BOARDS = List.of(REFERENCE_BOARD, LWIP_BOARD, QEMU_BOARD);
    /** The firmware's mbedTLS debug threshold when the manifest gives none (firmware-images/src/manifest.c). */
    static final int DEFAULT_DEBUG_THRESHOLD = 2;
    /** A C macro name, as build.sh accepts it in a {@code #define NAME VALUE} line. */
    private static final Pattern MACRO_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    private static final Pattern IMAGE_NAME = Pattern.compile("[A-Za-z0-9._-]+");
    /** The firmware's limits (firmware-images/src/manifest.c), so a bad value fails here, not at boot. */
    private static final int MAX_DELAY_MS = 600_000;
    private static final int MAX_HEAP_BYTES = 1 << 30;

    public ImageManifest {
        // The lwIP and QEMU boards print lwIP's and mbedTLS's own lines, not the reference firmware's.
        logFormat = logFormat == null ? (LWIP_BOARD.equals(board) || QEMU_BOARD.equals(board) ? LogFormats.LWIP : "board")
                : logFormat;
        page = page == null ? "/dashboard.html" : page;
        stylesheet = stylesheet == null ? "/style.css" : stylesheet;
        board = board == null ? REFERENCE_BOARD : board;
        build = build == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(build));
    }

    public boolean isLwip() {
        return LWIP_BOARD.equals(board);
    }

    public boolean isQemu() {
        return QEMU_BOARD.equals(board);
    }

    /** An image whose firmware is compiled for it from {@code build:} (the lwIP and QEMU boards). */
    public boolean isBuiltFromSettings() {
        return isLwip() || isQemu();
    }

    /**
     * The board's configuration header from {@code build:}: one {@code #define NAME VALUE} line per
     * entry, in the manifest's order (the board's lwipopts.h and mbedTLS config default the rest). The QEMU
     * board has no manifest to read at boot, so its image name and debug threshold are compiled in too.
     */
    public String configHeader() {
        StringBuilder header = new StringBuilder("/* generated by hil from the manifest of image " + name + " */\n");
        build.forEach((key, value) -> header.append("#define ").append(key).append(' ').append(value).append('\n'));
        if (isQemu()) {
            header.append("#define BOARD_IMAGE_NAME \"").append(name).append("\"\n");
            header.append("#define BOARD_DEBUG_THRESHOLD ")
                    .append(debugThreshold == null ? DEFAULT_DEBUG_THRESHOLD : debugThreshold).append('\n');
        }
        return header.toString();
    }

    /** The same manifest for a board that logs in another format than the image says. */
    public ImageManifest withLogFormat(String format) {
        return new ImageManifest(name, certChain, privateKey, contentDir, port, format, debugThreshold, maxSessions,
                bootDelayMs, certLoadDelayMsMax, heapBytes, leakBytesPerConnection, partialWriteBug,
                hangAfterConnections, page, stylesheet, trust, pki, outContentLen, crashAfterConnections, elf, board, build);
    }

    /** Reads and checks a manifest; every problem names the file, and where known the line and field. */
    public static ImageManifest read(Path file) throws ManifestException {
        String text;
        try {
            text = Files.readString(file);
        } catch (NoSuchFileException e) {
            throw new ManifestException(file, 0, null, "no such file");
        } catch (IOException e) {
            throw new ManifestException(file, 0, null, "cannot read: " + e.getMessage());
        }
        if (text.isBlank()) {
            throw new ManifestException(file, 0, null, "the file is empty");
        }
        ImageManifest manifest;
        try {
            manifest = Json.yaml().readValue(text, ImageManifest.class);
        } catch (UnrecognizedPropertyException e) {
            throw new ManifestException(file, lineOfKey(text, e.getPropertyName(), line(e)), e.getPropertyName(),
                    "unknown key (known keys: " + e.getKnownPropertyIds() + ")");
        } catch (JsonMappingException e) {
            throw new ManifestException(file, line(e), field(e), e.getOriginalMessage());
        } catch (JsonProcessingException e) {
            throw new ManifestException(file, line(e), null, e.getOriginalMessage());
        }
        if (manifest == null) {
            throw new ManifestException(file, 0, null, "the file holds no settings");
        }
        manifest.check(file, text);
        return manifest;
    }

    private void check(Path file, String text) throws ManifestException {
        if (isBuiltFromSettings() && !LogFormats.names().contains(logFormat)) {
            throw invalid(file, text, "log_format", "must be one of " + LogFormats.names() + ", not '" + logFormat + "'");
        }
        if (!isBuiltFromSettings() && !logFormat.equals("board") && !logFormat.equals("mbedtls")) {
            // the reference firmware prints one of these two, as the manifest tells it
            throw invalid(file, text, "log_format", "must be 'board' or 'mbedtls', not '" + logFormat + "'");
        }
        if (port != null && (port < 0 || port > 65535)) {
            throw invalid(file, text, "port", "must be 0..65535, not " + port);
        }
        if (!BOARDS.contains(board)) {
            throw invalid(file, text, "board", "must be one of " + BOARDS + ", not '" + board + "'");
        }
        if (!build.isEmpty() && !isBuiltFromSettings()) {
            throw invalid(file, text, "build", "only an image with 'board: lwip' or 'board: qemu' is built from settings");
        }
        if (isQemu() && !IMAGE_NAME.matcher(name).matches()) {
            // compiled into the firmware as a C string literal
            throw invalid(file, text, "name", "a QEMU image's name is compiled in: letters, digits, '.', '_', '-' only");
        }
        for (var entry : build.entrySet()) {
            if (!MACRO_NAME.matcher(entry.getKey()).matches()) {
                throw new ManifestException(file, lineOfKey(text, entry.getKey(), 0), "build." + entry.getKey(),
                        "not a C macro name");
            }
            Object value = entry.getValue();
            if (value == null || value instanceof Map || value instanceof List
                    || value.toString().isBlank() || value.toString().contains("\n")) {
                throw new ManifestException(file, lineOfKey(text, entry.getKey(), 0), "build." + entry.getKey(),
                        "must be one value on one line (a number or a C expression)");
            }
        }
        checkRange(file, text, "debug_threshold", debugThreshold, 0, 4);
        checkRange(file, text, "max_sessions", maxSessions, 1, 1024);
        checkRange(file, text, "boot_delay_ms", bootDelayMs, 0, MAX_DELAY_MS);
        checkRange(file, text, "cert_load_delay_ms_max", certLoadDelayMsMax, 0, MAX_DELAY_MS);
        checkRange(file, text, "heap_bytes", heapBytes, 0, MAX_HEAP_BYTES);
        checkRange(file, text, "leak_bytes_per_connection", leakBytesPerConnection, 0, MAX_HEAP_BYTES);
        checkRange(file, text, "hang_after_connections", hangAfterConnections, 0, 1_000_000_000);
        checkRange(file, text, "crash_after_connections", crashAfterConnections, 0, 1_000_000_000);
        if (leakBytesPerConnection != null && leakBytesPerConnection > 0 && (heapBytes == null || heapBytes == 0)) {
            // The firmware only counts leaked bytes against a modelled heap; alone the setting does nothing.
            throw invalid(file, text, "leak_bytes_per_connection", "needs heap_bytes (the heap it leaks from)");
        }
        if (pki != null && (pki.kind() == null || !PkiSpec.KINDS.contains(pki.kind()))) {
            throw new ManifestException(file, lineOfKey(text, "kind", 0), "pki.kind",
                    "must be one of " + PkiSpec.KINDS + ", not '" + pki.kind() + "'");
        }
    }

    private static ManifestException invalid(Path file, String text, String field, String problem) {
        return new ManifestException(file, lineOfKey(text, field, 0), field, problem);
    }

    private static void checkRange(Path file, String text, String field, Integer value, int min, int max)
            throws ManifestException {
        if (value != null && (value < min || value > max)) {
            throw invalid(file, text, field, "must be " + min + ".." + max + ", not " + value);
        }
    }

    private static int line(JsonProcessingException e) {
        return e.getLocation() == null ? 0 : e.getLocation().getLineNr();
    }

    /** The YAML parser reports where it noticed a key, which can be past it; the key's own line is clearer. */
    private static int lineOfKey(String text, String key, int fallback) {
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].stripLeading().startsWith(key + ":")) {
                return i + 1;
            }
        }
        return fallback;
    }

    private static String field(JsonMappingException e) {
        String path = ParserMessages.fieldPath(e);
        return path.isEmpty() ? null : path;
    }
}
