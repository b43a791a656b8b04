package io.hilharness.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SoakDurationTest {
    @Test
    void samplesEveryMinuteOrTenTimesInAShortSoak() {
        assertEquals(Duration.ofMinutes(1), SoakCommand.defaultInterval(Duration.ofMinutes(30)));
        assertEquals(Duration.ofMinutes(1), SoakCommand.defaultInterval(Duration.ofMinutes(10)));
        assertEquals(Duration.ofSeconds(12), SoakCommand.defaultInterval(Duration.ofMinutes(2)));
        assertEquals(Duration.ofSeconds(1), SoakCommand.defaultInterval(Duration.ofSeconds(5)));
    }

    @Test
    void readsHoursMinutesAndSeconds() {
        assertEquals(Duration.ofMinutes(30), SoakCommand.parseDuration("--duration", "30m"));
        assertEquals(Duration.ofMinutes(90), SoakCommand.parseDuration("--duration", "1h30m"));
        assertEquals(Duration.ofSeconds(45), SoakCommand.parseDuration("--duration", "45S"));
        assertEquals(Duration.ofHours(2), SoakCommand.parseDuration("--duration", "2h"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "0s", "30", "-5m", "m", "PT30M", "30 minutes", "1m30h"})
    void rejectsWhatIsNotADurationInOneLine(String value) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SoakCommand.parseDuration("--duration", value));
        assertEquals("--duration: '" + value + "' is not a duration like 30m, 2h, 1h30m or 45s", e.getMessage());
    }
}
