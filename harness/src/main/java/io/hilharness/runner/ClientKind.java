package io.hilharness.runner;

import java.util.Locale;

/** Which client fetches the rounds: the OkHttp library driver or a real headless Chromium. */
public enum ClientKind {
    OKHTTP,
    CHROMIUM;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
