package io.hilharness.junit;

import static io.hilharness.junit.HilAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hilharness.client.ConnectionRecord;
import io.hilharness.client.Exchange;
import io.hilharness.client.Outcome;
import io.hilharness.devlog.DeviceEvent;
import io.hilharness.devlog.EventType;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class AssertionsTest {
    private static ProbeResult fetched(Outcome outcome, Boolean digestOk, String detail) {
        Exchange exchange = new Exchange("/style.css", outcome == Outcome.OK ? 200 : null, 1000L,
                outcome == Outcome.OK ? 1000 : 0, digestOk, 12, outcome, detail);
        ConnectionRecord connection = new ConnectionRecord("c1", null, null, 51234, "127.0.0.1:8443", Instant.now(),
                Instant.now(), 1L, 5L, "TLSv1.2", null, List.of(), List.of(exchange), outcome, detail);
        return new ProbeResult("/style.css", connection, 0, true);
    }

    private static DeviceEvent line(long seq, EventType type, Integer alertDescription, String raw) {
        return DeviceEvent.builder().seq(seq).type(type).port(51234).alertDescription(alertDescription).raw(raw).build();
    }

    @Test
    void aWholeBodyWithTheImagesDigestIsComplete() {
        assertThat(fetched(Outcome.OK, true, null)).isComplete().hasStatus(200).hasOutcome(Outcome.OK);
    }

    @Test
    void aBodyWithAnotherDigestIsNotCompleteAndTheMessageSaysWhatArrived() {
        AssertionError e = assertThrows(AssertionError.class, () -> assertThat(fetched(Outcome.OK, false, null)).isComplete());
        assertTrue(e.getMessage().contains("SHA-256 differs") && e.getMessage().contains("port 51234")
                && e.getMessage().contains("1000 of 1000 bytes"), e.getMessage());
    }

    @Test
    void anUncheckedDigestIsNotTakenForAGoodOne() {
        AssertionError e = assertThrows(AssertionError.class, () -> assertThat(fetched(Outcome.OK, null, null)).isComplete());
        assertTrue(e.getMessage().contains("no file for /style.css"), e.getMessage());
    }

    @Test
    void aFailedConnectionNamesItsOutcomeAndReason() {
        AssertionError e = assertThrows(AssertionError.class,
                () -> assertThat(fetched(Outcome.SERVER_ALERT, null, "alert 46 certificate_unknown")).isComplete());
        assertTrue(e.getMessage().contains("expected outcome OK but was SERVER_ALERT")
                && e.getMessage().contains("certificate_unknown"), e.getMessage());
    }

    @Test
    void closeNotifyIsNotAnAlertButAFatalAlertIsAndTheMessageShowsTheLines() {
        LogEvents clean = new LogEvents("for port 51234", List.of(
                line(1, EventType.HANDSHAKE_DONE, null, "handshake done"),
                line(2, EventType.ALERT_RECEIVED, 0, "got an alert message, type: [1:0]")));
        assertThat(clean).hasNoAlerts().contains(EventType.HANDSHAKE_DONE).doesNotContain(EventType.HANDSHAKE_FAILED);

        LogEvents alert = new LogEvents("for port 51234", List.of(
                line(7, EventType.ALERT_RECEIVED, 46, "got an alert message, type: [2:46]")));
        AssertionError e = assertThrows(AssertionError.class, () -> assertThat(alert).hasNoAlerts());
        assertTrue(e.getMessage().contains("7: got an alert message, type: [2:46]"), e.getMessage());
    }

    @Test
    void aMissingLineIsReportedWithWhatTheBoardSaidInstead() {
        LogEvents none = new LogEvents("for port 51234", List.of());
        AssertionError e = assertThrows(AssertionError.class, () -> assertThat(none).contains(EventType.HANDSHAKE_FAILED));
        assertTrue(e.getMessage().contains("HANDSHAKE_FAILED") && e.getMessage().contains("no board log lines for port 51234"),
                e.getMessage());
        assertThrows(AssertionError.class, () -> assertThat(none).containsText("httpd"));
    }

    @Test
    void aReturnCodeIsFoundOnItsLineTypeOnlyAndNamedInHexWhenMissing() {
        DeviceEvent setupFailed = DeviceEvent.builder().seq(3).type(EventType.SETUP_FAILED).port(51234).code(-0x7F00)
                .raw("mbedtls_ssl_setup() returned -32512 (-0x7f00), port 51234").build();
        LogEvents log = new LogEvents("for port 51234", List.of(setupFailed));
        assertThat(log).contains(EventType.SETUP_FAILED, -0x7F00).doesNotContain(EventType.DEBUG_RETURN, -0x7F00)
                .doesNotContain(EventType.SETUP_FAILED, -0x6880);
        assertTrue(log.first(EventType.SETUP_FAILED) == setupFailed);

        AssertionError e = assertThrows(AssertionError.class, () -> assertThat(log).contains(EventType.SETUP_FAILED, -0x6880));
        assertTrue(e.getMessage().contains("code -0x6880") && e.getMessage().contains("3: mbedtls_ssl_setup()"), e.getMessage());
        AssertionError none = assertThrows(AssertionError.class, () -> log.first(EventType.RESPONSE_SENT));
        assertTrue(none.getMessage().contains("RESPONSE_SENT") && none.getMessage().contains("3: mbedtls_ssl_setup()"),
                none.getMessage());
    }

    @Test
    void aKeptAliveConnectionIsCompleteOnlyIfEveryBodyIs() {
        Exchange page = new Exchange("/dashboard.html", 200, 10L, 10, true, 3, Outcome.OK, null);
        Exchange css = new Exchange("/style.css", 200, 1000L, 1000, false, 4, Outcome.OK, null);
        ConnectionRecord connection = new ConnectionRecord("c1", null, null, 51234, "127.0.0.1:8443", Instant.now(),
                Instant.now(), 1L, 5L, "TLSv1.2", null, List.of(), List.of(page, css), Outcome.OK, null);
        ProbeResult both = new ProbeResult("/dashboard.html /style.css", connection, 0, true);

        AssertionError e = assertThrows(AssertionError.class, () -> assertThat(both).isComplete());
        assertTrue(e.getMessage().contains("body of /style.css") && e.getMessage().contains("digest MISMATCH"), e.getMessage());
    }
}
