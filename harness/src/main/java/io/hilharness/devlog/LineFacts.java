package io.hilharness.devlog;

import java.time.Instant;

/**
 * What consumers that group lines into sessions read of a parsed device log line. A
 * {@link DeviceEvent} is one; {@link DeviceLogParser#facts(byte[], int, int, long, long, Instant, boolean)}
 * also hands out a reused view of a canonical line's bytes, so a multi-gigabyte log does not cost an
 * event object per line. Field meanings as in {@link DeviceEvent}.
 */
public interface LineFacts {
    long seq();

    long offset();

    Instant hostTime();

    int boot();

    Long deviceMs();

    EventType type();

    /** Name of the format that recognised the line, or null. */
    String format();

    String context();

    Integer port();

    Integer code();

    Integer alertLevel();

    Integer alertDescription();

    String alertName();

    Long bytes();

    String method();

    String path();

    /** Type-specific text (close reason, function, what a transfer line counts); null where not read. */
    default String detail() {
        return null;
    }

    /** How an lwIP board's line was tied to its connection; null on other boards' lines. */
    default Attribution attribution() {
        return null;
    }

    /** The whole line as received. */
    String raw();
}
