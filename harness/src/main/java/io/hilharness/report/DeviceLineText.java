package io.hilharness.report;

import io.hilharness.devlog.DeviceEvent;
import io.hilharness.devlog.EventType;
import io.hilharness.devlog.Severity;
import io.hilharness.secrets.KeyRedaction;
import java.util.List;

/** Which device lines explain a connection, and how they read in a report. */
final class DeviceLineText {
    private DeviceLineText() {
    }

    /**
     * Lines worth quoting in a failure message: everything the parser understood except handshake
     * state steps, plus anything the board marked as a warning or error. Hex dumps and unknown
     * chatter stay in the HTML drill-down and the raw capture.
     */
    static boolean significant(DeviceEvent e) {
        return (e.type() != EventType.OTHER && e.type() != EventType.STATE) || e.severity() != Severity.INFO;
    }

    /** The device lines as text, private keys redacted, one line per event. */
    static List<String> texts(List<DeviceEvent> events) {
        return KeyRedaction.lines(events.stream().map(DeviceLineText::text).toList());
    }

    private static String text(DeviceEvent e) {
        return e.raw() != null ? e.raw() : e.message() != null ? e.message() : "";
    }

    /** What the parser made of the line, e.g. "ALERT_RECEIVED certificate_unknown", or "" for plain lines. */
    static String meaning(DeviceEvent e) {
        StringBuilder out = new StringBuilder();
        if (e.type() != EventType.OTHER) {
            out.append(e.type().name());
        }
        if (e.alertName() != null) {
            out.append(' ').append(e.alertName());
        }
        if (e.codeName() != null) {
            out.append(' ').append(e.codeName());
        }
        return out.toString().trim();
    }
}
