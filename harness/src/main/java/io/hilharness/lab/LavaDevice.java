package io.hilharness.lab;

import java.util.Map;
import java.util.Optional;

/**
 * The device LAVA hands a {@code test: docker:} action, as the environment variables it sets in the
 * container: the console's connection command (from the device's connection tagged {@code primary}),
 * and the hard reset and power commands of its device dictionary, each a shell command line
 * (several commands joined by {@code &&}).
 */
public record LavaDevice(Optional<String> connection, Optional<String> hardReset,
                         Optional<String> powerOn, Optional<String> powerOff) {
    public static final String CONNECTION = "LAVA_CONNECTION_COMMAND";
    public static final String HARD_RESET = "LAVA_HARD_RESET_COMMAND";
    public static final String POWER_ON = "LAVA_POWER_ON_COMMAND";
    public static final String POWER_OFF = "LAVA_POWER_OFF_COMMAND";

    public static LavaDevice from(Map<String, String> env) {
        return new LavaDevice(value(env, CONNECTION), value(env, HARD_RESET), value(env, POWER_ON), value(env, POWER_OFF));
    }

    /** LAVA sets a variable empty or not at all when the device has no such command. */
    private static Optional<String> value(Map<String, String> env, String name) {
        return Optional.ofNullable(env.get(name)).map(String::strip).filter(v -> !v.isEmpty());
    }
}
