package io.hilharness.diagnose;

import io.hilharness.devlog.DeviceEvent;

/**
 * A device log line cited as evidence: its line number and byte offset in the run's raw console
 * capture ({@code console.raw}), so anyone can open the exact bytes.
 */
public record LogRef(long line, long offset, String text) {
    public static LogRef of(DeviceEvent event) {
        return new LogRef(event.seq(), event.offset(), event.raw() != null ? event.raw() : event.message());
    }
}
