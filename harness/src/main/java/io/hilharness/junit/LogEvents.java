package io.hilharness.junit;

import io.hilharness.devlog.DeviceEvent;
import io.hilharness.devlog.EventType;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Some of the board's decoded log lines, e.g. those about one probe's connection.
 *
 * @param about what these events are, for messages ("port 51234", "since the test started")
 */
public record LogEvents(String about, List<DeviceEvent> events) {
    private static final int CLOSE_NOTIFY = 0;

    public LogEvents {
        events = List.copyOf(events);
    }

    public List<DeviceEvent> ofType(EventType type) {
        return events.stream().filter(e -> e.type() == type).toList();
    }

    public boolean contains(EventType type) {
        return events.stream().anyMatch(e -> e.type() == type);
    }

    public boolean contains(EventType type, int code) {
        return events.stream().anyMatch(e -> e.type() == type && e.code() != null && e.code() == code);
    }

    /** The first line of this type; fails with the lines looked at if there is none. */
    public DeviceEvent first(EventType type) {
        return events.stream().filter(e -> e.type() == type).findFirst()
                .orElseThrow(() -> new AssertionError("expected a " + type + " line " + about + "; the board's lines:\n" + describe()));
    }

    static String hex(int code) {
        return (code < 0 ? "-0x" : "0x") + String.format("%04X", Math.abs(code));
    }

    /** TLS alerts the board received, sent or died of; a close_notify is how a connection ends, not an alert. */
    public List<DeviceEvent> alerts() {
        return events.stream().filter(LogEvents::isAlert).toList();
    }

    private static boolean isAlert(DeviceEvent e) {
        return switch (e.type()) {
            case ALERT_FATAL -> true;
            case ALERT_RECEIVED, ALERT_SENT -> e.alertDescription() == null || e.alertDescription() != CLOSE_NOTIFY;
            default -> false;
        };
    }

    /** The raw lines, numbered, for failure messages. */
    public String describe() {
        if (events.isEmpty()) {
            return "  (no board log lines " + about + ")";
        }
        return events.stream().map(e -> "  " + e.seq() + ": " + e.raw()).collect(Collectors.joining("\n"));
    }
}
