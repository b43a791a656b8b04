package io.hilharness.junit;

import io.hilharness.correlate.Correlator;
import io.hilharness.correlate.DeviceEventLog;
import java.util.List;
import java.util.function.LongSupplier;

/** The board's decoded log: all of it since the test started, or the lines about one probe's connection. */
public final class DeviceLog {
    private final DeviceEventLog events;
    private final LongSupplier testStart;

    DeviceLog(DeviceEventLog events, LongSupplier testStart) {
        this.events = events;
        this.testStart = testStart;
    }

    /** The board's lines about the probe's connection, joined by its TCP source port (as a campaign does). */
    public LogEvents since(ProbeResult result) {
        var joined = Correlator.withDefaults()
                .correlate(List.of(result.connection()), events.since(result.consoleMark()))
                .connections().get(0);
        return new LogEvents("for port " + result.localPort(), joined.device());
    }

    public LogEvents sinceTestStart() {
        return new LogEvents("since the test started", events.since(testStart.getAsLong()));
    }
}
