package io.hilharness.devlog;

import static io.hilharness.devlog.LineRule.contains;
import static io.hilharness.devlog.LineRule.of;
import static io.hilharness.devlog.LineRule.startsWith;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The grammar of device log messages, in one place: the reference firmware's own lines, mbedTLS
 * 2.28's debug strings, lwIP 2.1's {@code LWIP_DEBUGF} strings, and what firmware prints when it
 * dies. A new kind of line is one more {@link LineRule} here; the classifier, its index and the
 * byte-level fast path of {@code hil analyze} all derive from these lists.
 */
final class LineRules {

    private static final String CODE = ErrorCodes.TOKEN;
    /** A pointer as glibc's {@code %p} prints it. */
    private static final String POINTER = "(0x[0-9a-fA-F]{1,16}|\\(nil\\))";
    private static final int NET_CONN_RESET = -0x0050;

    private LineRules() {
    }

    /** Messages after a format's prefix (port suffix already off); first match wins. */
    static final List<LineRule> FIRMWARE_AND_MBEDTLS = List.of(
            of(EventType.BOOT, "boot ([0-9]{1,9}), reset cause: ([^,]*)(?:, image ([^,]*))?(?:, firmware (.*))?$",
                    (m, b) -> b.boot(LineText.intOrNull(m.group(1))).detail(m.group(2)).image(m.group(3))
                            .firmware(m.group(4))),
            of(EventType.READY, "(?:\\w+ )?ready, listening on ([^\\s,]+)(?:, [0-9]{1,9} ms after reset)?$",
                    contains("ready, listening on "), (m, b) -> b.detail(m.group(1))),
            of(EventType.CONNECTION_ACCEPTED, "accepted connection from (\\S+)$", (m, b) -> b.detail(m.group(1))),
            of(EventType.HANDSHAKE_START, "=> handshake$"),
            of(EventType.SSL_FREE, "=> free$"),
            of(EventType.CLIENT_STATE, "client state: ([0-9]{1,9})$", LineRules::state),
            // ssl_srv.c prints the ServerKeyExchange signature as a buffer: its length varies by a byte.
            of(EventType.KEY_EXCHANGE, "dumping 'my signature' \\(([0-9]{1,9}) bytes\\)$",
                    (m, b) -> b.detail("my signature").bytes(LineText.longOrNull(m.group(1)))),
            of(EventType.HANDSHAKE_END, "<= handshake$"),
            of(EventType.STATE, "server state: ([0-9]{1,9})$", LineRules::state),
            // Only the first certificate of the chain dump stands for "certificate sent".
            of(EventType.CERTIFICATE_SENT, "(?:=> write certificate|selected certificate chain, certificate(?: #1:?)?)$",
                    startsWith("=> write certificate", "selected certificate chain, certificate"), (m, b) -> { }),
            of(EventType.ALERT_RECEIVED, "got an alert message, type: \\[([0-9]{1,3}):([0-9]{1,3})\\]$",
                    (m, b) -> b.alertLevel(LineText.intOrNull(m.group(1)))
                            .alertDescription(LineText.intOrNull(m.group(2)))),
            of(EventType.ALERT_FATAL, "is a fatal alert message \\(msg ([0-9]{1,3})\\)$",
                    (m, b) -> b.alertLevel(2).alertDescription(LineText.intOrNull(m.group(1)))),
            of(EventType.CLOSE_NOTIFY_RECEIVED, "is a close notify message$",
                    (m, b) -> b.alertLevel(1).alertDescription(0)),
            of(EventType.ALERT_SENT, "send alert level=([0-9]{1,3}) message=([0-9]{1,3})$",
                    (m, b) -> b.alertLevel(LineText.intOrNull(m.group(1)))
                            .alertDescription(LineText.intOrNull(m.group(2)))),
            // "%s() returned %d (-0x%04x)": the decimal is exact, the hex is of -ret as unsigned.
            of(EventType.DEBUG_RETURN, "(\\w{1,100})\\(\\) returned (-?[0-9]{1,10}) \\(-0[xX][0-9a-fA-F]{1,8}\\)$",
                    contains("() returned "), (m, b) -> b.detail(m.group(1)).code(ErrorCodes.parse(m.group(2)))),
            of(EventType.ALLOC_FAILED, "alloc\\(([0-9]{1,18}) bytes\\) failed$",
                    (m, b) -> b.bytes(LineText.longOrNull(m.group(1)))),
            of(EventType.HANDSHAKE_FAILED, "(mbedtls_ssl_handshake)(?:\\(\\))? failed: " + CODE,
                    startsWith("mbedtls_ssl_handshake"), LineRules::functionAndCode),
            of(EventType.TLS_IO_ERROR, "(mbedtls_ssl_(?:read|write))(?:\\(\\))? failed: " + CODE,
                    startsWith("mbedtls_ssl_read", "mbedtls_ssl_write"), LineRules::functionAndCode),
            of(EventType.SETUP_FAILED, "(mbedtls_ssl_setup)(?:\\(\\))? failed: " + CODE,
                    startsWith("mbedtls_ssl_setup"), LineRules::functionAndCode),
            of(EventType.HANDSHAKE_DONE, "handshake done: (\\S+) (\\S+)$",
                    (m, b) -> b.tlsVersion(m.group(1)).cipher(m.group(2)).detail(m.group(1) + " " + m.group(2))),
            of(EventType.HTTP_REQUEST, "(GET|HEAD|POST|PUT|DELETE|OPTIONS|PATCH|TRACE|CONNECT) (\\S+)(?: HTTP/[0-9.]{1,5})?$",
                    startsWith("GET ", "HEAD ", "POST ", "PUT ", "DELETE ", "OPTIONS ", "PATCH ", "TRACE ", "CONNECT "),
                    (m, b) -> b.method(m.group(1)).path(m.group(2))),
            of(EventType.FILE_OPENED, "Opening (\\S.*)$", (m, b) -> b.path(m.group(1))),
            of(EventType.RESPONSE_SENT, "sent ([0-9]{1,18}) bytes of (\\S.*?), status ([0-9]{3})$",
                    (m, b) -> b.bytes(LineText.longOrNull(m.group(1))).path(m.group(2))
                            .status(LineText.intOrNull(m.group(3)))),
            of(EventType.HTTP_NOT_FOUND, "not found: (\\S.*)$", (m, b) -> b.path(m.group(1))),
            of(EventType.CONNECTION_CLOSED, "connection closed(?: \\((.*)\\))?$",
                    (m, b) -> b.detail(m.group(1)).code(m.group(1) == null ? null : ErrorCodes.findHex(m.group(1)))),
            of(EventType.STATUS, "status: (.*)$", LineRules::status),
            of(EventType.REBOOT_REQUESTED, "reboot requested"),
            of(EventType.CONFIG_ERROR, "(?:manifest error|certificate load failed|key load failed)(?::\\s*(.*))?$",
                    startsWith("manifest error", "certificate load failed", "key load failed"),
                    (m, b) -> b.detail(m.group(1)).code(m.group(1) == null ? null : ErrorCodes.findHex(m.group(1)))));

    /** lwIP's LWIP_DEBUGF strings (2.1, 2.2): printed raw, without any prefix, so recognised on any line. */
    static final List<LineRule> LWIP = List.of(
            of(EventType.TCP_CONNECTION_REQUEST, "TCP connection request ([0-9]{1,5}) -> ([0-9]{1,5})\\.?$",
                    (m, b) -> b.port(port(m.group(1))).detail(m.group(1) + " -> " + m.group(2))),
            of(EventType.TCP_CONNECTION_ESTABLISHED, "TCP connection established ([0-9]{1,5}) -> ([0-9]{1,5})\\.?$",
                    (m, b) -> b.port(port(m.group(1))).detail(m.group(1) + " -> " + m.group(2))),
            of(EventType.TCP_CONNECTION_CLOSED, "TCP connection closed: ([A-Z_0-9]{1,20}) ([0-9]{1,5}) -> ([0-9]{1,5})\\.?$",
                    (m, b) -> b.port(port(m.group(2))).detail(m.group(1))),
            of(EventType.LISTEN_BACKLOG_EXCEEDED, "tcp_listen_input: listen backlog exceeded for port ([0-9]{1,5})$",
                    (m, b) -> b.detail(m.group(1))),
            of(EventType.MEMORY_POOL_EXHAUSTED, "memp_malloc: out of memory in pool (\\S{1,100})$",
                    (m, b) -> b.detail(m.group(1))),
            of(EventType.HTTP_REQUEST, "Received \"(\\w{1,20})\" request for URI: \"([^\"]{0,1000})\"",
                    (m, b) -> b.method(m.group(1)).path(m.group(2))),
            of(EventType.TRANSFER_PROGRESS, "Received ([0-9]{1,10}) bytes$",
                    (m, b) -> b.detail("received").bytes(LineText.longOrNull(m.group(1)))),
            of(EventType.TRANSFER_PROGRESS, "http_send: pcb=(\\S{1,40}) hs=\\S{1,40} left=(-?[0-9]{1,10})$",
                    (m, b) -> b.context(m.group(1)).detail("left").bytes(LineText.longOrNull(m.group(2)))),
            // lwIP 2.2.1 httpd (HTTPD_DEBUG): the pcb pointer names the connection until it is closed.
            of(EventType.CONNECTION_ACCEPTED, "http_accept " + POINTER + " / \\S{1,40}$",
                    (m, b) -> b.context(m.group(1)).detail("http_accept")),
            of(EventType.SETUP_FAILED, "http_accept: Out of memory, RST$", (m, b) -> b.detail("http_accept")),
            of(EventType.CONNECTION_CLOSED, "Closing connection " + POINTER + "$",
                    (m, b) -> b.context(m.group(1)).detail("closed by httpd")),
            // The connection's error callback: lwip_strerr of ERR_RST, ERR_ABRT or ERR_CLSD.
            of(EventType.CONNECTION_CLOSED, "http_err: (.{1,80})$", (m, b) -> b.detail(m.group(1))
                    .code(m.group(1).startsWith("Connection reset") ? NET_CONN_RESET : null)),
            // Application data decrypted and handed to httpd: the handshake is over.
            of(EventType.TRANSFER_PROGRESS, "http_recv: pcb=" + POINTER + " pbuf=(0x[0-9a-fA-F]{1,16}) err=",
                    (m, b) -> b.context(m.group(1)).detail("received")),
            of(EventType.TRANSFER_PROGRESS, "http_sent " + POINTER + "$", (m, b) -> b.context(m.group(1)).detail("acked")),
            of(EventType.TRANSFER_PROGRESS, "Sent ([0-9]{1,10}) bytes$",
                    (m, b) -> b.detail("sent").bytes(LineText.longOrNull(m.group(1)))),
            of(EventType.RESPONSE_SENT, "End of file\\.$", (m, b) -> b.detail("end of file")),
            of(EventType.READY, "httpd ready(?: on ([^\\s,]{1,100}))?", (m, b) -> b.detail(m.group(1))),
            // lwIP's heap and pools (MEM_DEBUG, MEMP_DEBUG), and altcp_tls (ALTCP_MBEDTLS_DEBUG).
            of(EventType.ALLOC_FAILED, "mem_malloc: could not allocate ([0-9]{1,10}) bytes$",
                    (m, b) -> b.detail("mem_malloc").bytes(LineText.longOrNull(m.group(1)))),
            of(EventType.ALLOC_FAILED, "mem_calloc: could not allocate ([0-9]{1,18}) bytes$",
                    (m, b) -> b.detail("mem_calloc").bytes(LineText.longOrNull(m.group(1)))),
            // mbedtls_ssl_setup (level 1) when one of its buffers did not fit.
            of(EventType.ALLOC_FAILED, "alloc\\(\\) of ssl sub-contexts failed$", (m, b) -> b.detail("mbedtls_ssl_setup")),
            of(EventType.CONFIG_ERROR, "image error: (.{1,500})$", (m, b) -> b.detail(m.group(1))),
            of(EventType.SETUP_FAILED, "tcp_listen_input: could not allocate PCB$", (m, b) -> b.detail("tcp_listen_input")),
            // altcp prints no code for a failed setup: mbedTLS's only failure there is an allocation.
            of(EventType.SETUP_FAILED, "mbedtls_ssl_setup failed$", (m, b) -> b.detail("mbedtls_ssl_setup")),
            of(EventType.TLS_IO_ERROR, "(mbedtls_ssl_flush_output) failed: " + CODE, startsWith("mbedtls_ssl_flush_output"),
                    LineRules::functionAndCode),
            // mbedtls_ssl_read/_write entered (level 2): altcp calls them only once the handshake is over.
            of(EventType.TRANSFER_PROGRESS, "=> read$", (m, b) -> b.detail("tls read")),
            of(EventType.TRANSFER_PROGRESS, "=> write$", (m, b) -> b.detail("tls write")),
            of(EventType.CLOSE_NOTIFY_RECEIVED, "connection was closed gracefully$",
                    (m, b) -> b.alertLevel(1).alertDescription(0)));

    /** Every rule a message after a format's prefix may match, in order: the firmware's and mbedTLS's, then lwIP's. */
    static final List<LineRule> ALL = concat(FIRMWARE_AND_MBEDTLS, LWIP);

    /** What firmware prints when it dies; any such line marks its boot as crashed. */
    static final Pattern DEATH = Pattern.compile(
            "\\bpanic|hard ?fault|\\bwatchdog\\b.{0,40}\\b(?:timeout|triggered|reset|expired|bark|bite)"
                    + "|\\bassert(?:ion)?\\b.{0,300}\\bfailed|Guru Meditation|abort\\(\\) was called"
                    + "|stack overflow|\\bBUS ?FAULT\\b|\\bUsage ?Fault\\b|\\bMemManage\\b"
                    // The first line of Mbed OS's and Zephyr's fault reports, ESP8266's exception report.
                    + "|MbedOS Fault Handler|ZEPHYR FATAL ERROR|\\bFatal exception\\b",
            Pattern.CASE_INSENSITIVE);

    /** Words one of which, in any ASCII case, every {@link #DEATH} match holds. */
    static final List<String> DEATH_WORDS = List.of("panic", "fault", "watchdog", "assert", "guru",
            "abort", "overflow", "memmanage", "fatal");

    private static List<LineRule> concat(List<LineRule> first, List<LineRule> then) {
        List<LineRule> all = new java.util.ArrayList<>(first);
        all.addAll(then);
        return List.copyOf(all);
    }

    private static void state(LineRule.Groups m, DeviceEvent.Builder b) {
        Integer state = LineText.intOrNull(m.group(1));
        b.state(state).detail(state == null ? null : HandshakeStates.name(state));
    }

    private static void functionAndCode(LineRule.Groups m, DeviceEvent.Builder b) {
        b.detail(m.group(1)).code(ErrorCodes.parse(m.group(2)));
    }

    private static void status(LineRule.Groups m, DeviceEvent.Builder b) {
        Map<String, Long> counters = StatusCounters.parse(m.group(1));
        b.detail(m.group(1)).counters(counters);
        Long boot = counters.get("boot");
        if (boot != null && boot >= 0 && boot <= Integer.MAX_VALUE) {
            b.boot(boot.intValue());
        }
    }

    private static Integer port(String digits) {
        Integer v = LineText.intOrNull(digits);
        return v != null && v <= 65535 ? v : null;
    }
}
