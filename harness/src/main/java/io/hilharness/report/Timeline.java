package io.hilharness.report;

import io.hilharness.campaign.CampaignResult;
import io.hilharness.client.ConnectionRecord;
import io.hilharness.correlate.CorrelatedConnection;
import io.hilharness.devlog.DeviceEvent;
import java.time.Instant;
import java.util.List;

/**
 * Per connection, what the client saw and what the board logged for it, in one place: the view an
 * engineer otherwise builds by hand from a serial terminal and a packet capture.
 */
public record Timeline(String image, List<Entry> connections) {

    /** One connection; {@code deviceLines} point into the raw capture by line number and byte offset. */
    public record Entry(String id, int boot, int round, int localPort, Instant start, Instant end,
                        String outcome, String outcomeDetail, ConnectionRecord client, List<DeviceLine> deviceLines) {
    }

    public record DeviceLine(long line, long offset, Instant hostTime, Long deviceMs, String type, String text) {
        static DeviceLine of(DeviceEvent e) {
            return new DeviceLine(e.seq(), e.offset(), e.hostTime(), e.deviceMs(), e.type().name(), e.message());
        }
    }

    public static Timeline of(CampaignResult result) {
        List<Entry> entries = result.rounds().stream().flatMap(r -> r.connections().stream()
                .map(c -> entry(r.boot(), r.round(), c))).toList();
        return new Timeline(result.image(), entries);
    }

    private static Entry entry(int boot, int round, CorrelatedConnection c) {
        ConnectionRecord client = c.client();
        return new Entry(client.id(), boot, round, client.localPort(), client.start(), client.end(),
                client.outcome().name(), client.outcomeDetail(), client,
                c.device().stream().map(DeviceLine::of).toList());
    }
}
