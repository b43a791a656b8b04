package io.hilharness.junit;

/**
 * Entry point for assertions on probe results and board logs, in the fluent style of AssertJ:
 * {@code assertThat(css).isComplete(); assertThat(board.log().since(css)).hasNoAlerts();}
 */
public final class HilAssertions {
    private HilAssertions() {
    }

    public static ProbeResultAssert assertThat(ProbeResult actual) {
        return new ProbeResultAssert(actual);
    }

    public static LogEventsAssert assertThat(LogEvents actual) {
        return new LogEventsAssert(actual);
    }
}
