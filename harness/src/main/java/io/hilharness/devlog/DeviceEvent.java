package io.hilharness.devlog;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One device log line, understood as far as possible. Flat so the journal can write it as one JSON
 * object; fields that do not apply are null (and left out of the JSON).
 *
 * @param seq              console line number ({@code ConsoleLine.seq})
 * @param offset           byte offset of the line in the raw capture
 * @param hostTime         when the host received the line
 * @param boot             boot number the device was in when the line arrived (0 before any boot seen)
 * @param deviceMs         device timestamp, ms since boot (board format only)
 * @param type             what the line means
 * @param severity         from the board prefix or the mbedTLS debug level
 * @param format           name of the log format that recognised the line; null if none did
 * @param file             source file name (basename) that printed the line
 * @param line             source line number
 * @param debugLevel       mbedTLS debug level (1 error .. 4 verbose), native format only
 * @param context          mbedTLS ssl context address ({@code 0x7ffd...}) with MBEDTLS_THREADING_C
 * @param message          message text without prefix, context and {@code , port N} suffix
 * @param port             client TCP source port the line is about
 * @param code             mbedTLS return/error code, e.g. -0x7780
 * @param codeName         decoded code, e.g. MBEDTLS_ERR_SSL_FATAL_ALERT_MESSAGE (high + low parts joined)
 * @param alertLevel       TLS alert level (1 warning, 2 fatal)
 * @param alertDescription TLS alert description number
 * @param alertName        TLS alert name, e.g. certificate_unknown
 * @param state            mbedTLS handshake state number
 * @param method           HTTP method
 * @param path             HTTP or file path
 * @param status           HTTP status
 * @param bytes            byte count (response size, failed allocation size)
 * @param tlsVersion       negotiated TLS version, e.g. TLSv1.2
 * @param cipher           negotiated cipher suite
 * @param image            firmware image name from the boot banner
 * @param firmware         firmware version from the boot banner
 * @param detail           type-specific text: close reason, reset cause, address, state name, function...
 * @param counters         named numbers of a STATUS line (bootCount, uptimeMs, sessions, ...)
 * @param dump             bytes of an mbedTLS hex dump, on the event of its last row, or null
 * @param raw              the whole console line as received, always kept as evidence
 * @param truncated        the console framer cut this line
 * @param attribution      on an lwIP board's line: how its port and context were tied to it; else null
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DeviceEvent(
        long seq,
        long offset,
        Instant hostTime,
        int boot,
        Long deviceMs,
        EventType type,
        Severity severity,
        String format,
        String file,
        Integer line,
        Integer debugLevel,
        String context,
        String message,
        Integer port,
        Integer code,
        String codeName,
        Integer alertLevel,
        Integer alertDescription,
        String alertName,
        Integer state,
        String method,
        String path,
        Integer status,
        Long bytes,
        String tlsVersion,
        String cipher,
        String image,
        String firmware,
        String detail,
        Map<String, Long> counters,
        HexDump dump,
        String raw,
        boolean truncated,
        Attribution attribution) implements LineFacts {

    public DeviceEvent {
        counters = counters == null ? null : Collections.unmodifiableMap(new LinkedHashMap<>(counters));
    }

    /** True when the line names a client connection (it carried a {@code , port N} suffix). */
    @JsonIgnore
    public boolean isConnectionRelated() {
        return port != null;
    }

    /** The code as mbedTLS prints it ({@code -0x7780}), or null. */
    @JsonIgnore
    public String codeHex() {
        return code == null ? null : MbedtlsErrors.hex(code);
    }

    /** This event with the bytes of the hex dump it ends. */
    public DeviceEvent withDump(HexDump hexDump) {
        return new DeviceEvent(seq, offset, hostTime, boot, deviceMs, type, severity, format, file, line,
                debugLevel, context, message, port, code, codeName, alertLevel, alertDescription, alertName,
                state, method, path, status, bytes, tlsVersion, cipher, image, firmware, detail, counters,
                hexDump, raw, truncated, attribution);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Mutable builder; the parser fills it in stages (console line, format prefix, message). */
    public static final class Builder {
        private long seq;
        private long offset;
        private Instant hostTime;
        private int boot;
        private Long deviceMs;
        private EventType type = EventType.OTHER;
        private Severity severity = Severity.INFO;
        private String format;
        private String file;
        private Integer line;
        private Integer debugLevel;
        private String context;
        private String message;
        private Integer port;
        private Integer code;
        private String codeName;
        private Integer alertLevel;
        private Integer alertDescription;
        private String alertName;
        private Integer state;
        private String method;
        private String path;
        private Integer status;
        private Long bytes;
        private String tlsVersion;
        private String cipher;
        private String image;
        private String firmware;
        private String detail;
        private Map<String, Long> counters;
        private HexDump dump;
        private String raw;
        private boolean truncated;
        private Attribution attribution;

        private Builder() {
        }

        public Builder seq(long v) { seq = v; return this; }
        public Builder offset(long v) { offset = v; return this; }
        public Builder hostTime(Instant v) { hostTime = v; return this; }
        public Builder boot(int v) { boot = v; return this; }
        public Builder deviceMs(Long v) { deviceMs = v; return this; }
        public Builder type(EventType v) { type = v; return this; }
        public Builder severity(Severity v) { severity = v; return this; }
        public Builder format(String v) { format = v; return this; }
        public Builder file(String v) { file = v; return this; }
        public Builder line(Integer v) { line = v; return this; }
        public Builder debugLevel(Integer v) { debugLevel = v; return this; }
        public Builder context(String v) { context = v; return this; }
        public Builder message(String v) { message = v; return this; }
        public Builder port(Integer v) { port = v; return this; }
        public Builder alertLevel(Integer v) { alertLevel = v; return this; }
        public Builder state(Integer v) { state = v; return this; }
        public Builder method(String v) { method = v; return this; }
        public Builder path(String v) { path = v; return this; }
        public Builder status(Integer v) { status = v; return this; }
        public Builder bytes(Long v) { bytes = v; return this; }
        public Builder tlsVersion(String v) { tlsVersion = v; return this; }
        public Builder cipher(String v) { cipher = v; return this; }
        public Builder image(String v) { image = v; return this; }
        public Builder firmware(String v) { firmware = v; return this; }
        public Builder detail(String v) { detail = v; return this; }
        public Builder counters(Map<String, Long> v) { counters = v; return this; }
        public Builder dump(HexDump v) { dump = v; return this; }
        public Builder raw(String v) { raw = v; return this; }
        public Builder truncated(boolean v) { truncated = v; return this; }
        public Builder attribution(Attribution v) { attribution = v; return this; }

        /** Sets the code and its decoded name. */
        public Builder code(Integer v) {
            code = v;
            codeName = v == null ? null : MbedtlsErrors.name(v);
            return this;
        }

        /** Sets the alert description and its name. */
        public Builder alertDescription(Integer v) {
            alertDescription = v;
            alertName = v == null ? null : TlsAlerts.name(v);
            return this;
        }

        EventType type() { return type; }
        Severity severity() { return severity; }
        Integer code() { return code; }
        String file() { return file; }
        String message() { return message; }
        Integer port() { return port; }
        String context() { return context; }
        String detail() { return detail; }
        Long bytes() { return bytes; }

        public DeviceEvent build() {
            return new DeviceEvent(seq, offset, hostTime, boot, deviceMs, type, severity, format, file,
                    line, debugLevel, context, message, port, code, codeName, alertLevel, alertDescription,
                    alertName, state, method, path, status, bytes, tlsVersion, cipher, image, firmware,
                    detail, counters, dump, raw, truncated, attribution);
        }
    }
}
