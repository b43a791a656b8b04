package io.hilharness.image;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.hilharness.json.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.stream.Collectors;

/**
 * An image's manifest: what the firmware reads at boot (flat keys) plus what the harness needs to
 * test it (pages to fetch, the trust a lab client uses, how to make the certificates).
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
        @JsonProperty("page") String page,
        @JsonProperty("stylesheet") String stylesheet,
        @JsonProperty("trust") String trust,
        @JsonProperty("pki") PkiSpec pki,
        @JsonProperty("out_content_len") Integer outContentLen) {

    public static final String FILE_NAME = "manifest.yaml";

    public ImageManifest {
        logFormat = logFormat == null ? "board" : logFormat;
        page = page == null ? "/dashboard.html" : page;
        stylesheet = stylesheet == null ? "/style.css" : stylesheet;
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
        manifest.check(file);
        return manifest;
    }

    private void check(Path file) throws ManifestException {
        if (!logFormat.equals("board") && !logFormat.equals("mbedtls")) {
            throw new ManifestException(file, 0, "log_format", "must be 'board' or 'mbedtls', not '" + logFormat + "'");
        }
        if (port != null && (port < 0 || port > 65535)) {
            throw new ManifestException(file, 0, "port", "must be 0..65535, not " + port);
        }
        if (debugThreshold != null && (debugThreshold < 0 || debugThreshold > 4)) {
            throw new ManifestException(file, 0, "debug_threshold", "must be 0..4, not " + debugThreshold);
        }
        if (pki != null && !"selfsigned".equals(pki.kind()) && !"lab-ca".equals(pki.kind())) {
            throw new ManifestException(file, 0, "pki.kind", "must be 'selfsigned' or 'lab-ca', not '" + pki.kind() + "'");
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
        String path = e.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining("."));
        return path.isEmpty() ? null : path;
    }
}
