package io.hilharness.client.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.hilharness.client.ConnectionRecord;
import io.hilharness.client.Exchange;
import io.hilharness.client.Outcome;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class UnrequestedPathsTest {
    private static final Set<String> ROUND = Set.of("/dashboard.html", "/style.css");

    private static ConnectionRecord connection(int port, Exchange... exchanges) {
        return new ConnectionRecord("c" + port, null, null, port, "127.0.0.1:8443", Instant.EPOCH, Instant.EPOCH,
                1L, 2L, "TLSv1.2", "0xCCA9", List.of(), List.of(exchanges), Outcome.OK, null);
    }

    private static Exchange ok(String path) {
        return new Exchange(path, 200, 10L, 10, null, 1, Outcome.OK, null);
    }

    @Test
    void aStylesheetTheBrowserNeverFetchedFailsThePageConnection() {
        List<ConnectionRecord> records = List.of(connection(1), connection(2, ok("/dashboard.html")));

        List<ConnectionRecord> blamed = UnrequestedPaths.blame(records, ROUND, "/dashboard.html");

        assertSame(records.get(0), blamed.get(0));
        assertEquals(Outcome.ERROR, blamed.get(1).outcome());
        assertEquals("the browser never requested /style.css", blamed.get(1).outcomeDetail());
        assertEquals(List.of("/dashboard.html", "/style.css"),
                blamed.get(1).exchanges().stream().map(Exchange::path).toList());
    }

    @Test
    void aFailedConnectionStaysTheExplanationForWhatWasNeverFetched() {
        ConnectionRecord rejected = new ConnectionRecord("c1", null, null, 1, "127.0.0.1:8443", Instant.EPOCH,
                Instant.EPOCH, 1L, 2L, null, null, List.of(), List.of(), Outcome.CERT_REJECTED, "ERR_CERT_AUTHORITY_INVALID");
        List<ConnectionRecord> records = List.of(rejected);
        assertEquals(records, UnrequestedPaths.blame(records, ROUND, "/dashboard.html"));
    }

    @Test
    void aRoundWithEveryPathIsLeftAlone() {
        List<ConnectionRecord> records = List.of(connection(1, ok("/dashboard.html"), ok("/style.css")));
        assertEquals(records, UnrequestedPaths.blame(records, ROUND, "/dashboard.html"));
    }
}
