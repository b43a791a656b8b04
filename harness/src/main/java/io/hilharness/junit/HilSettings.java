package io.hilharness.junit;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Function;

/**
 * What a {@link HilTest} class runs against. A configuration parameter (or system property) wins over the
 * annotation, so the lab can redirect tests without editing them.
 *
 * @param board           lab board name, {@link #REFERENCE} for a fresh reference board, {@link #LWIP} for a
 *                        fresh lwIP board (the JVM in a private network namespace), or {@link #QEMU} for a fresh
 *                        QEMU board; empty if none given
 * @param image           image source name or image folder
 * @param trust           "image", "system", a PEM file, or empty for the default
 * @param lab             the lab config file; empty for the usual lookup ($HIL_LAB_CONFIG, ~/.config/hil/lab.yaml)
 * @param requireHardware a missing board fails the tests instead of skipping them (nightly lab)
 */
record HilSettings(String board, String image, String trust, Optional<Path> lab, boolean requireHardware,
                   Duration readyTimeout, Path reportDir) {
    static final String REFERENCE = "reference";
    static final String LWIP = "lwip";
    static final String QEMU = "qemu";
    static final Duration DEFAULT_READY_TIMEOUT = Duration.ofSeconds(30);

    boolean isReference() {
        return REFERENCE.equals(board);
    }

    boolean isFreshLwip() {
        return LWIP.equals(board);
    }

    boolean isFreshQemu() {
        return QEMU.equals(board);
    }

    /** @param parameters a JUnit configuration parameter by key (these fall back to system properties) */
    static HilSettings of(HilTest annotation, Function<String, Optional<String>> parameters) {
        String board = parameters.apply("hil.board").filter(s -> !s.isBlank())
                .orElse(annotation.reference() ? REFERENCE : annotation.board());
        String image = parameters.apply("hil.image").filter(s -> !s.isBlank()).orElse(annotation.image());
        String trust = parameters.apply("hil.trust").filter(s -> !s.isBlank()).orElse(annotation.trust());
        Optional<Path> lab = parameters.apply("hil.lab").filter(s -> !s.isBlank()).map(Path::of);
        boolean required = parameters.apply("hil.requireHardware").map(Boolean::parseBoolean).orElse(false);
        Duration ready = parameters.apply("hil.readyTimeout").map(HilSettings::seconds).orElse(DEFAULT_READY_TIMEOUT);
        Path reports = parameters.apply("hil.reportDir").map(Path::of).orElse(Path.of("target", "hil-junit"));
        return new HilSettings(board, image, trust, lab, required, ready, reports);
    }

    private static Duration seconds(String value) {
        try {
            return Duration.ofSeconds(Long.parseLong(value.strip()));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("hil.readyTimeout: not a whole number of seconds: " + value);
        }
    }
}
