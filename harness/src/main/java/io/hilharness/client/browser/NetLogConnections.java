package io.hilharness.client.browser;

import io.hilharness.client.Classification;
import io.hilharness.client.ConnectionRecord;
import io.hilharness.client.Exchange;
import io.hilharness.client.Outcome;
import io.hilharness.client.OutcomeClassifier;
import io.hilharness.client.browser.NetLogEvent.Phase;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Turns the NetLog of one page load into one {@link ConnectionRecord} per socket Chromium opened,
 * preconnects and retries included. A request reaches its socket through the stream job that carried
 * it: the job names the socket (SOCKET_POOL_BOUND_TO_SOCKET) and the request (..._BOUND_TO_REQUEST).
 */
final class NetLogConnections {

    private final Map<Long, SocketFacts> sockets = new LinkedHashMap<>();
    private final Map<Long, RequestFacts> requests = new LinkedHashMap<>();
    private final Map<Long, Long> jobSocket = new LinkedHashMap<>();
    private final Map<Long, Long> jobRequest = new LinkedHashMap<>();
    private NetLogConnections(NetLogReader.Result log) {
        for (NetLogEvent event : log.events()) {
            switch (event.sourceType()) {
                case "SOCKET" -> sockets.computeIfAbsent(event.sourceId(), id -> new SocketFacts()).add(event, log);
                case "URL_REQUEST" -> requests.computeIfAbsent(event.sourceId(), id -> new RequestFacts()).add(event, log);
                case "HTTP_STREAM_JOB" -> {
                    if (event.type().equals("SOCKET_POOL_BOUND_TO_SOCKET")) {
                        jobSocket.put(event.sourceId(), event.dependency());
                    } else if (event.type().equals("HTTP_STREAM_JOB_BOUND_TO_REQUEST")) {
                        jobRequest.put(event.sourceId(), event.dependency());
                    }
                }
                default -> { }
            }
        }
    }

    /**
     * @param requestedPaths the round's paths: only their exchanges decide a connection's outcome, since
     *                       the browser also asks for things the page never named (/favicon.ico)
     * @param killedAt       when the browser was killed for running over its deadline, or null; what was
     *                       still open then timed out
     */
    static List<ConnectionRecord> of(NetLogReader.Result log, Set<String> requestedPaths, Instant killedAt) {
        return read(log).records(requestedPaths, killedAt);
    }

    static NetLogConnections read(NetLogReader.Result log) {
        return new NetLogConnections(log);
    }

    List<ConnectionRecord> records(Set<String> requestedPaths, Instant killedAt) {
        Map<Long, List<Long>> requestsBySocket = requestsBySocket();
        List<ConnectionRecord> records = new ArrayList<>();
        sockets.forEach((id, socket) -> {
            if (socket.start == null) {
                return; // only its tail made it into the log: nothing to join with the board
            }
            List<Exchange> exchanges = requestsBySocket.getOrDefault(id, List.of()).stream()
                    .map(requests::get)
                    .sorted(Comparator.comparing(r -> r.start))
                    .map(r -> r.toExchange(killedAt))
                    .toList();
            Classification outcome = socket.classification(killedAt);
            for (Exchange exchange : exchanges) {
                if (requestedPaths.contains(exchange.path())) {
                    outcome = outcome.worse(new Classification(exchange.outcome(), exchange.outcomeDetail()));
                }
            }
            records.add(socket.toRecord(exchanges, outcome, killedAt));
        });
        records.sort(Comparator.comparing(ConnectionRecord::start));
        List<ConnectionRecord> numbered = new ArrayList<>();
        for (int i = 0; i < records.size(); i++) {
            ConnectionRecord r = records.get(i);
            numbered.add(new ConnectionRecord("c" + (i + 1), null, null, r.localPort(), r.remote(), r.start(), r.end(),
                    r.connectMs(), r.handshakeMs(), r.tlsVersion(), r.cipherSuite(), r.peerChain(), r.exchanges(),
                    r.outcome(), r.outcomeDetail()));
        }
        return numbered;
    }

    /**
     * The round's requests that failed before any socket carried them, e.g. with ERR_NETWORK_CHANGED while
     * their connection was still in its handshake: no connection shows such a failure, yet the page failed.
     */
    List<Exchange> failedWithoutSocket(Set<String> requestedPaths) {
        Set<Long> carried = new HashSet<>();
        requestsBySocket().values().forEach(carried::addAll);
        return requests.entrySet().stream()
                .filter(r -> !carried.contains(r.getKey()) && r.getValue().error != null
                        && requestedPaths.contains(r.getValue().path))
                .map(r -> r.getValue().toExchange(null)).toList();
    }

    private Map<Long, List<Long>> requestsBySocket() {
        Map<Long, List<Long>> requestsBySocket = new LinkedHashMap<>();
        jobSocket.forEach((job, socket) -> {
            Long request = jobRequest.get(job);
            if (request != null && requests.containsKey(request)) {
                List<Long> onSocket = requestsBySocket.computeIfAbsent(socket, s -> new ArrayList<>());
                if (!onSocket.contains(request)) {
                    onSocket.add(request);
                }
            }
        });
        return requestsBySocket;
    }

    private static Long ms(Instant from, Instant to) {
        return from == null || to == null ? null : Duration.between(from, to).toMillis();
    }

    /** "127.0.0.1:43008" -> 43008; -1 when absent. */
    static int port(String address) {
        if (address == null || address.lastIndexOf(':') < 0) {
            return -1;
        }
        try {
            return Integer.parseInt(address.substring(address.lastIndexOf(':') + 1));
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** What the NetLog says about one socket. */
    private static final class SocketFacts {
        Instant start;
        Instant end;
        Instant connectStart;
        Instant connectEnd;
        Instant handshakeStart;
        Instant handshakeEnd;
        String localAddress;
        String remoteAddress;
        String attemptedAddress;
        String tlsVersion;
        String cipherSuite;
        List<String> peerChain = List.of();
        String connectError;
        String handshakeError;
        String laterError;
        String alertSent;
        String alertReceived;

        void add(NetLogEvent e, NetLogReader.Result log) {
            switch (e.type()) {
                case "SOCKET_ALIVE" -> {
                    if (e.phase() == Phase.BEGIN) {
                        start = e.time();
                    } else if (e.phase() == Phase.END) {
                        end = e.time();
                    }
                }
                case "TCP_CONNECT" -> {
                    if (e.phase() == Phase.BEGIN) {
                        connectStart = e.time();
                    } else if (e.phase() == Phase.END) {
                        connectEnd = e.time();
                        localAddress = e.text("local_address");
                        remoteAddress = e.text("remote_address");
                        connectError = errorName(e, log);
                    }
                }
                case "TCP_CONNECT_ATTEMPT" -> {
                    if (e.phase() == Phase.BEGIN) {
                        attemptedAddress = e.text("address");
                    }
                }
                case "SSL_CONNECT" -> {
                    if (e.phase() == Phase.BEGIN) {
                        handshakeStart = e.time();
                    } else if (e.phase() == Phase.END) {
                        handshakeEnd = e.time();
                        handshakeError = errorName(e, log);
                        String version = e.text("version");
                        tlsVersion = version == null ? null : version.replace("TLS ", "TLSv");
                        cipherSuite = e.params().has("cipher_suite")
                                ? String.format(Locale.ROOT, "0x%04X", e.params().get("cipher_suite").asInt()) : null;
                    }
                }
                case "SSL_CERTIFICATES_RECEIVED" -> {
                    List<String> chain = new ArrayList<>();
                    e.params().path("certificates").forEach(pem -> chain.add(pem.asText()));
                    peerChain = chain;
                }
                case "SSL_ALERT_SENT" -> alertSent = alert(e);
                case "SSL_ALERT_RECEIVED" -> alertReceived = alert(e);
                case "SOCKET_READ_ERROR", "SOCKET_WRITE_ERROR", "SSL_READ_ERROR", "SSL_WRITE_ERROR" -> {
                    if (laterError == null) {
                        laterError = errorName(e, log);
                    }
                }
                default -> { }
            }
        }

        private static String errorName(NetLogEvent e, NetLogReader.Result log) {
            return e.netError() == 0 ? null : log.netErrorName(e.netError());
        }

        /** A TLS alert record's two bytes (level, description) as "fatal 46". */
        private static String alert(NetLogEvent e) {
            String b64 = e.text("bytes");
            if (b64 == null) {
                return "?";
            }
            byte[] bytes = Base64.getDecoder().decode(b64);
            if (bytes.length < 2) {
                return "?";
            }
            return (bytes[0] == 2 ? "fatal " : "warning ") + (bytes[1] & 0xFF);
        }

        private static final String CLIENT_CERT_ASKED = "ERR_SSL_CLIENT_AUTH_CERT_NEEDED";

        Classification classification(Instant killedAt) {
            String alerts = (alertSent == null ? "" : "; sent alert " + alertSent)
                    + (alertReceived == null ? "" : "; received alert " + alertReceived);
            if (connectError != null) {
                return withDetail(NetErrors.classify(connectError), alerts);
            }
            if (alertReceived != null && alertReceived.startsWith("fatal")) {
                return new Classification(Outcome.SERVER_ALERT,
                        "server sent alert " + alertReceived + (handshakeError == null ? "" : " (" + handshakeError + ")"));
            }
            if (CLIENT_CERT_ASKED.equals(handshakeError)) {
                // The server asked for a client certificate (lwIP's altcp_tls does by default): the browser stops
                // this handshake by design and, having none to give, continues on a new connection without one.
                return new Classification(Outcome.OK, "the server asked for a client certificate; the browser "
                        + "went on without one on another connection");
            }
            if (handshakeError != null) {
                return withDetail(NetErrors.classify(handshakeError), alerts);
            }
            if (laterError != null) {
                return withDetail(NetErrors.classify(laterError), alerts);
            }
            if (killedAt != null && (connectEnd == null || handshakeStart != null && handshakeEnd == null)) {
                return new Classification(Outcome.TIMEOUT, (connectEnd == null ? "TCP connect" : "TLS handshake")
                        + " unfinished when the browser was stopped");
            }
            return Classification.OK;
        }

        private static Classification withDetail(Classification c, String extra) {
            return extra.isEmpty() ? c : new Classification(c.outcome(), c.detail() + extra);
        }

        ConnectionRecord toRecord(List<Exchange> exchanges, Classification outcome, Instant killedAt) {
            Instant closed = end != null ? end : killedAt;
            return new ConnectionRecord(null, null, null, port(localAddress),
                    remoteAddress != null ? remoteAddress : attemptedAddress, start, closed,
                    ms(connectStart, connectEnd), ms(handshakeStart, handshakeEnd),
                    tlsVersion, cipherSuite, peerChain, exchanges, outcome.outcome(), outcome.detail());
        }
    }

    /** What the NetLog says about one URL request. */
    private static final class RequestFacts {
        Instant start;
        Instant end;
        String path;
        Integer status;
        Long contentLength;
        long bodyBytes;
        String error;

        void add(NetLogEvent e, NetLogReader.Result log) {
            switch (e.type()) {
                case "REQUEST_ALIVE" -> {
                    if (e.phase() == Phase.BEGIN) {
                        start = e.time();
                        path = pathOf(e.text("url"));
                    } else if (e.phase() == Phase.END) {
                        end = e.time();
                        if (e.netError() != 0) {
                            error = log.netErrorName(e.netError());
                        }
                    }
                }
                case "HTTP_TRANSACTION_READ_RESPONSE_HEADERS" -> readHeaders(e);
                case "URL_REQUEST_JOB_FILTERED_BYTES_READ" -> bodyBytes += e.byteCount();
                default -> { }
            }
        }

        private void readHeaders(NetLogEvent e) {
            List<String> headers = new ArrayList<>();
            e.params().path("headers").forEach(h -> headers.add(h.asText()));
            if (!headers.isEmpty()) {
                String[] statusLine = headers.get(0).split(" ");
                if (statusLine.length > 1 && statusLine[1].matches("\\d{3}")) {
                    status = Integer.parseInt(statusLine[1]);
                }
            }
            for (String header : headers) {
                int colon = header.indexOf(':');
                if (colon > 0 && header.substring(0, colon).trim().equalsIgnoreCase("Content-Length")) {
                    try {
                        contentLength = Long.parseLong(header.substring(colon + 1).trim());
                    } catch (NumberFormatException ignored) {
                        // a malformed length is the board's problem; the byte count still tells the story
                    }
                }
            }
        }

        private static String pathOf(String url) {
            if (url == null) {
                return "?";
            }
            try {
                String path = URI.create(url).getRawPath();
                return path == null || path.isEmpty() ? "/" : path;
            } catch (IllegalArgumentException e) {
                return url;
            }
        }

        Exchange toExchange(Instant killedAt) {
            Classification c;
            if (error != null) {
                c = NetErrors.classify(error);
            } else if (end == null) {
                c = new Classification(Outcome.TIMEOUT, killedAt != null
                        ? "request unfinished when the browser was stopped" : "request never finished in the NetLog");
            } else if (status == null) {
                c = new Classification(Outcome.ERROR, "no response headers in the NetLog");
            } else if (contentLength != null && bodyBytes < contentLength) {
                c = new Classification(Outcome.TRUNCATED, bodyBytes + " of " + contentLength + " body bytes");
            } else {
                // Chromium does not hand out bodies in its NetLog, so the digest is not checked (null).
                c = OutcomeClassifier.forResponse(status, null);
            }
            Instant finished = end != null ? end : killedAt;
            long took = start == null || finished == null ? 0 : Duration.between(start, finished).toMillis();
            return new Exchange(path, status, contentLength, bodyBytes, null, took, c.outcome(), c.detail());
        }
    }
}
