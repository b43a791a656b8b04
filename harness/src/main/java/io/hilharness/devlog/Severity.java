package io.hilharness.devlog;

/** How serious the device considered a line (board prefix, or mbedTLS debug level). */
public enum Severity {
    INFO,
    WARNING,
    ERROR
}
