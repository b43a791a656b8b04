package io.hilharness.board.host;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * A {@link ReferenceBench}'s network power switch, as a lab's PDU and flashing probe are reached over the
 * network: plain HTTP on loopback, so a shell command ({@code wget}, {@code curl}) does it from anywhere on
 * the host, containers on its network included. {@code /power/on}, {@code /power/off} and
 * {@code /flash?image=PATH} (an image folder, or a file in one, on a path this host sees) answer 200 and
 * {@code ok}, or 500 and the one line that says why; any other path answers 404. It listens on loopback
 * only: whoever reaches it can run firmware on this host.
 */
public final class PowerSwitchServer implements AutoCloseable {
    private final HttpServer server;

    private PowerSwitchServer(HttpServer server) {
        this.server = server;
    }

    /** Serves {@code bench} on {@code listen} (port 0: any free one), which must be a loopback address. */
    public static PowerSwitchServer serve(ReferenceBench bench, InetSocketAddress listen) throws IOException {
        if (listen.getAddress() == null || !listen.getAddress().isLoopbackAddress()) {
            throw new IllegalArgumentException("the power switch listens on loopback only (127.0.0.0/8, ::1), not on "
                    + listen.getHostString());
        }
        HttpServer server = HttpServer.create(listen, 8);
        server.createContext("/", exchange -> handle(bench, exchange));
        server.start();
        return new PowerSwitchServer(server);
    }

    /** The switch's base URL, e.g. {@code http://127.0.0.1:8080}. */
    public URI url() {
        InetSocketAddress address = server.getAddress();
        String host = address.getAddress().getHostAddress();
        return URI.create("http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + address.getPort());
    }

    private static void handle(ReferenceBench bench, HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        try {
            switch (path) {
                case "/power/on" -> bench.powerOn();
                case "/power/off" -> bench.powerOff();
                case "/flash" -> bench.flash(image(exchange.getRequestURI()));
                default -> {
                    answer(exchange, 404, "unknown path " + path + " (use /power/on, /power/off, /flash?image=PATH)");
                    return;
                }
            }
        } catch (Exception e) {
            answer(exchange, 500, e.getMessage() == null ? e.toString() : e.getMessage());
            return;
        }
        answer(exchange, 200, "ok");
    }

    private static Path image(URI request) {
        String query = request.getRawQuery();
        if (query == null || !query.startsWith("image=") || query.length() == "image=".length()) {
            throw new IllegalArgumentException("usage: /flash?image=PATH (an image folder, or a file in one)");
        }
        return Path.of(URLDecoder.decode(query.substring("image=".length()), StandardCharsets.UTF_8));
    }

    private static void answer(HttpExchange exchange, int status, String line) throws IOException {
        byte[] body = (line + "\n").getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    /** Stops answering; the bench stays as it is. */
    @Override
    public void close() {
        server.stop(0);
    }
}
