package io.hilharness.cli;

import io.hilharness.board.ResetKind;
import io.hilharness.client.FetchMode;
import io.hilharness.image.ImageManifest;
import io.hilharness.run.CampaignSpec;
import java.time.Duration;
import java.util.List;
import picocli.CommandLine.Option;

/** Campaign settings shared by {@code run} (and whatever else drives a campaign). */
final class CampaignOptions {
    @Option(names = "--boots", defaultValue = "3", description = "Boots (reset cycles), default ${DEFAULT-VALUE}.")
    int boots;

    @Option(names = "--rounds", defaultValue = "10", description = "Rounds per boot, default ${DEFAULT-VALUE}.")
    int rounds;

    @Option(names = "--mode", defaultValue = "sequential",
            description = "sequential (new connection per request), keepalive, parallel (browser-like).")
    String mode;

    @Option(names = "--parallel", defaultValue = "6", description = "Connections at once in parallel mode, default ${DEFAULT-VALUE}.")
    int parallelism;

    @Option(names = "--reset", defaultValue = "soft", description = "Reset between boots: soft (console) or hard (power cycle).")
    String reset;

    @Option(names = "--ready-timeout", defaultValue = "20", description = "Seconds a boot may take to print its ready line.")
    int readyTimeoutSeconds;

    @Option(names = "--round-interval", defaultValue = "0",
            description = "Least milliseconds from one round's start to the next (pacing like a user reloading), default ${DEFAULT-VALUE}.")
    int roundIntervalMs;

    @Option(names = "--fetch-timeout", defaultValue = "10", description = "Seconds one request may take.")
    int fetchTimeoutSeconds;

    CampaignSpec toSpec(ImageManifest manifest) {
        return new CampaignSpec(boots, rounds, parseEnum(FetchMode.class, "--mode", mode),
                parseEnum(ResetKind.class, "--reset", reset), List.of(manifest.page(), manifest.stylesheet()),
                parallelism, Duration.ofSeconds(readyTimeoutSeconds), Duration.ofSeconds(fetchTimeoutSeconds),
                Duration.ofMillis(roundIntervalMs));
    }

    static <E extends Enum<E>> E parseEnum(Class<E> type, String option, String value) {
        try {
            return Enum.valueOf(type, value.toUpperCase().replace('-', '_'));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(option + ": '" + value + "' is not one of "
                    + java.util.Arrays.stream(type.getEnumConstants()).map(c -> c.name().toLowerCase()).toList());
        }
    }
}
