package io.hilharness.devlog;

import org.bouncycastle.tls.AlertDescription;
import org.bouncycastle.tls.AlertLevel;

/** TLS alert names as the TLS registry spells them (close_notify, certificate_unknown), from Bouncy Castle's TLS tables. */
public final class TlsAlerts {

    /** What Bouncy Castle answers for a number it has no name for. */
    private static final String UNKNOWN = "UNKNOWN";

    private TlsAlerts() {
    }

    /** Alert description name, e.g. 46 → {@code certificate_unknown}; null when not assigned. */
    public static String name(int description) {
        return description < 0 || description > 255 ? null : known(AlertDescription.getName((short) description));
    }

    /** Alert level name: 1 → {@code warning}, 2 → {@code fatal}; null otherwise. */
    public static String level(int level) {
        return level < 0 || level > 255 ? null : known(AlertLevel.getName((short) level));
    }

    private static String known(String name) {
        return UNKNOWN.equals(name) ? null : name;
    }
}
