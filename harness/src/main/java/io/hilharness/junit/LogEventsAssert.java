package io.hilharness.junit;

import io.hilharness.devlog.EventType;

/** Assertions on the board's log lines; every message lists the lines it looked at. */
public final class LogEventsAssert {
    private final LogEvents actual;

    LogEventsAssert(LogEvents actual) {
        this.actual = actual;
    }

    /** No TLS alert other than close_notify, in either direction. */
    public LogEventsAssert hasNoAlerts() {
        if (!actual.alerts().isEmpty()) {
            throw fail("expected no TLS alerts " + actual.about() + " but found " + actual.alerts().size());
        }
        return this;
    }

    public LogEventsAssert contains(EventType type) {
        if (!actual.contains(type)) {
            throw fail("expected a " + type + " line " + actual.about());
        }
        return this;
    }

    public LogEventsAssert doesNotContain(EventType type) {
        if (actual.contains(type)) {
            throw fail("expected no " + type + " line " + actual.about());
        }
        return this;
    }

    /** A line of this type carrying this mbedTLS return code, e.g. {@code SETUP_FAILED} with -0x7F00. */
    public LogEventsAssert contains(EventType type, int code) {
        if (!actual.contains(type, code)) {
            throw fail("expected a " + type + " line with code " + LogEvents.hex(code) + " " + actual.about());
        }
        return this;
    }

    public LogEventsAssert doesNotContain(EventType type, int code) {
        if (actual.contains(type, code)) {
            throw fail("expected no " + type + " line with code " + LogEvents.hex(code) + " " + actual.about());
        }
        return this;
    }

    /** Some line's raw text contains {@code text}. */
    public LogEventsAssert containsText(String text) {
        if (actual.events().stream().noneMatch(e -> e.raw() != null && e.raw().contains(text))) {
            throw fail("expected a line containing \"" + text + "\" " + actual.about());
        }
        return this;
    }

    private AssertionError fail(String message) {
        return new AssertionError(message + "; the board's lines:\n" + actual.describe());
    }
}
