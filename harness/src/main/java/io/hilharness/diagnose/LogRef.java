package io.hilharness.diagnose;

import io.hilharness.devlog.DeviceEvent;
import io.hilharness.secrets.KeyRedaction;
import java.util.List;

/**
 * A device log line cited as evidence: its line number and byte offset in the run's raw console
 * capture ({@code console.raw}), so anyone can open the exact bytes.
 */
public record LogRef(long line, long offset, String text) {
    public static LogRef of(DeviceEvent event) {
        return new LogRef(event.seq(), event.offset(), text(event));
    }

    /** The events' lines, private keys redacted across them. */
    public static List<LogRef> of(List<DeviceEvent> events) {
        List<String> texts = KeyRedaction.lines(events.stream().map(LogRef::text).toList());
        List<LogRef> refs = new java.util.ArrayList<>(events.size());
        for (int i = 0; i < events.size(); i++) {
            refs.add(new LogRef(events.get(i).seq(), events.get(i).offset(), texts.get(i)));
        }
        return refs;
    }

    private static String text(DeviceEvent event) {
        return event.raw() != null ? event.raw() : event.message();
    }
}
