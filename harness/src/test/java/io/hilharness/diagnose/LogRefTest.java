package io.hilharness.diagnose;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.hilharness.devlog.DeviceEvent;
import io.hilharness.devlog.EventType;
import io.hilharness.devlog.Severity;
import io.hilharness.secrets.KeyRedaction;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class LogRefTest {

    @Test
    void aKeyBlockAmongTheCitedLinesIsRedactedLineForLine() {
        List<String> lines = List.of("12: main.c 40: dumping key", "13: main.c 41: -----BEGIN RSA " + "PRIVATE KEY-----",
                "14: main.c 41: MIIEowIBAAKCAQEAKEYBODY", "15: main.c 41: -----END RSA " + "PRIVATE KEY-----", "16: main.c 42: done");
        List<DeviceEvent> events = new java.util.ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            events.add(DeviceEvent.builder().seq(12 + i).offset(100L * i).hostTime(Instant.EPOCH).type(EventType.OTHER)
                    .severity(Severity.INFO).raw(lines.get(i)).message(lines.get(i)).build());
        }

        List<String> cited = LogRef.of(events).stream().map(LogRef::text).toList();

        assertEquals(List.of(lines.get(0), KeyRedaction.REDACTED, KeyRedaction.REDACTED, KeyRedaction.REDACTED,
                lines.get(4)), cited);
        assertEquals(List.of(12L, 13L, 14L, 15L, 16L), LogRef.of(events).stream().map(LogRef::line).toList());
    }
}
