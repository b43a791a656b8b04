package io.hilharness.junit;

import io.hilharness.client.ConnectionRecord;
import io.hilharness.client.Exchange;
import io.hilharness.client.Outcome;
import java.util.Optional;

/**
 * One connection of an {@link HttpsProbe}: as the client recorded it, where the console stood when it
 * started (so the board's log lines about it can be found), and whether the board logged its end.
 *
 * @param path         the path requested on it (several, space-separated, for a kept-alive connection)
 * @param consoleMark  seq of the newest console line when the request started
 * @param sessionEnded the board logged the end of this connection (closed, or failed to set it up) within
 *                     the probe's grace; false for a board that hangs on it, or never saw it
 */
public record ProbeResult(String path, ConnectionRecord connection, long consoleMark, boolean sessionEnded) {

    public Outcome outcome() {
        return connection.outcome();
    }

    /** The client's TCP source port, which the board logs; -1 if no socket was bound. */
    public int localPort() {
        return connection.localPort();
    }

    /** The (first) request and its response, if the connection got that far. */
    public Optional<Exchange> exchange() {
        return connection.exchanges().stream().findFirst();
    }

    /** One line for messages: path, port, outcome and why. */
    public String describe() {
        StringBuilder sb = new StringBuilder("GET ").append(path).append(" from port ").append(localPort())
                .append(": ").append(outcome());
        if (connection.outcomeDetail() != null) {
            sb.append(" (").append(connection.outcomeDetail()).append(')');
        }
        for (Exchange x : connection.exchanges()) {
            sb.append("; ").append(x.path()).append(": status ").append(x.httpStatus()).append(", ")
                    .append(x.bytesReceived()).append(" of ").append(x.contentLength()).append(" bytes, digest ")
                    .append(x.digestOk() == null ? "not checked" : x.digestOk() ? "ok" : "MISMATCH");
        }
        return sb.toString();
    }
}
