package io.hilharness.analyze;

import io.hilharness.devlog.Attribution;
import io.hilharness.devlog.EventType;
import io.hilharness.devlog.LineFacts;
import io.hilharness.devlog.MbedtlsErrors;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Accumulates one session's facts (never its lines) and decides its outcome. */
final class SessionBuilder {

    static final int CONN_EOF = -0x7280;
    static final int PEER_CLOSE_NOTIFY = -0x7880;
    static final int NET_CONN_RESET = -0x0050;
    static final int ALLOC_FAILED = -0x7F00;
    private static final int MAX_REQUESTS = 8;

    String slot;
    /** The port the tracker finds this session by, or -1. */
    int portSlot = -1;
    private String key;
    private final int boot;
    private Integer port;
    private String context;
    private long firstSeq = -1;
    private long lastSeq;
    private long firstOffset;
    private Instant start;
    private Instant end;
    private Long startDeviceMs;
    private boolean handshakeDone;
    /** A clean {@code <= handshake}: proof of a finished handshake only when it was the only call. */
    private boolean handshakeReturned;
    private int handshakeCalls;
    private Long bytesServed;
    private String endedBy;
    private Attribution attribution;
    private boolean freed;
    private boolean handshakeStarted;
    private boolean setupFailed;
    private Integer failCode;
    private String alertName;
    private Long signatureBytes;
    private final List<String> requests = new ArrayList<>();
    private long lines;

    SessionBuilder(String slot, String key, int boot) {
        this.slot = slot;
        this.key = key;
        this.boot = boot;
    }

    void rekey(String newSlot, String newKey) {
        slot = newSlot;
        key = newKey;
    }

    boolean handshakeStarted() {
        return handshakeStarted;
    }

    boolean freed() {
        return freed;
    }

    void add(LineFacts e) {
        lines++;
        if (firstSeq < 0) {
            firstSeq = e.seq();
            firstOffset = e.offset();
            start = e.hostTime();
            startDeviceMs = e.deviceMs();
        }
        lastSeq = e.seq();
        Instant t = e.hostTime();
        if (t != end) {
            end = t; // a reference store costs a GC write barrier; lines of one read share their time
        }
        if (port == null) {
            port = e.port();
        }
        if (context == null) {
            context = e.context();
        }
        attribution(e.attribution());
        endedBy(e);
        switch (e.type()) {
            case HANDSHAKE_START -> {
                handshakeStarted = true;
                handshakeCalls++;
            }
            case HANDSHAKE_DONE -> handshakeDone = true;
            // mbedTLS prints "<= handshake" after a failure too; only a clean one means done. lwIP's
            // altcp calls mbedtls_ssl_handshake once per received segment: each call ends in one.
            case HANDSHAKE_END -> handshakeReturned |= failCode == null && alertName == null;
            case ALERT_RECEIVED, ALERT_FATAL -> {
                if (alertName == null && e.alertLevel() != null && e.alertLevel() == 2) {
                    alertName = e.alertName() != null ? e.alertName() : "alert " + e.alertDescription();
                }
            }
            case SETUP_FAILED, ALLOC_FAILED -> {
                setupFailed = true;
                failCode(e.code(), true);
            }
            case HANDSHAKE_FAILED -> failCode(e.code(), true);
            case DEBUG_RETURN, TLS_IO_ERROR, CONNECTION_CLOSED, ERROR -> failCode(e.code(), false);
            case SSL_FREE -> freed = true;
            case TCP_CONNECTION_CLOSED -> endedBy = endedBy == null ? "TCP closed in " + e.detail() : endedBy;
            case KEY_EXCHANGE -> signatureBytes = e.bytes();
            case HTTP_REQUEST -> {
                handshakeDone = true; // a request arrived decrypted
                if (requests.size() < MAX_REQUESTS) {
                    requests.add(e.method() + " " + e.path());
                }
            }
            case TRANSFER_PROGRESS -> {
                handshakeDone = true; // application data went through TLS
                if ("sent".equals(e.detail()) && e.bytes() != null) {
                    bytesServed = (bytesServed == null ? 0 : bytesServed) + e.bytes();
                }
            }
            default -> { }
        }
    }

    /** What ended the session, in the words of the line that did; the first such line counts. */
    private void endedBy(LineFacts e) {
        if (endedBy == null && (e.type() == EventType.CONNECTION_CLOSED || e.type() == EventType.SETUP_FAILED
                || e.type() == EventType.HANDSHAKE_FAILED)) {
            endedBy = e.detail() != null ? e.detail() : e.type().name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** The least sure way any of its lines was tied to it. */
    private void attribution(Attribution how) {
        if (how != null && (attribution == null || how.compareTo(attribution) > 0)) {
            attribution = how;
        }
    }

    private void failCode(Integer code, boolean authoritative) {
        if (code != null && code < 0 && (failCode == null || authoritative)) {
            failCode = code;
        }
    }

    SessionOutcome outcome() {
        if (alertName != null) {
            return SessionOutcome.ALERT_RECEIVED;
        }
        // Out of memory before the handshake ended is a failed setup; after it, the session still served.
        if ((setupFailed || (failCode != null && failCode == ALLOC_FAILED)) && !handshakeDone) {
            return SessionOutcome.SETUP_FAILED;
        }
        if (failCode != null && failCode == NET_CONN_RESET) {
            return SessionOutcome.RESET;
        }
        if (attribution != null && endedBy == null && !freed) {
            return SessionOutcome.UNFINISHED; // an lwIP board logs every end it sees: none came
        }
        if (handshakeDone()) {
            return failCode == null || failCode == CONN_EOF || failCode == PEER_CLOSE_NOTIFY
                    ? SessionOutcome.COMPLETED : SessionOutcome.ERROR;
        }
        if (failCode != null) {
            return failCode == CONN_EOF ? SessionOutcome.EOF : SessionOutcome.ERROR;
        }
        if (attribution != null && endedBy != null) {
            return SessionOutcome.EOF; // closed before any TLS went through (a browser's unused preconnect)
        }
        return SessionOutcome.UNFINISHED;
    }

    private boolean handshakeDone() {
        return handshakeDone || handshakeReturned && handshakeCalls <= 1;
    }

    SessionSummary summary() {
        SessionOutcome outcome = outcome();
        Integer code = outcome == SessionOutcome.COMPLETED ? null : failCode;
        return new SessionSummary(boot, key, port, context, firstSeq, lastSeq, firstOffset, start, end,
                startDeviceMs, outcome, alertName, code, code == null ? null : MbedtlsErrors.name(code),
                handshakeDone(), requests, signatureBytes, lines, bytesServed, endedBy,
                attribution == null ? null : attribution.name());
    }
}
