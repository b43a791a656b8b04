package io.hilharness.client.browser;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * Whom the browser trusts: by default its own view (the system's roots, so a self-signed board fails
 * as it does in the field), or additionally a lab CA, added to a throw-away NSS database that only
 * this driver's browser uses. There is no "ignore certificate errors": that would hide the very
 * failures the harness is for.
 */
public final class BrowserTrust {
    private final Path labCa;

    private BrowserTrust(Path labCa) {
        this.labCa = labCa;
    }

    public static BrowserTrust browserDefault() {
        return new BrowserTrust(null);
    }

    /** The browser's own roots plus every certificate in this PEM file as a trusted CA. */
    public static BrowserTrust withLabCa(Path caPem) {
        return new BrowserTrust(Objects.requireNonNull(caPem, "caPem"));
    }

    public Optional<Path> labCa() {
        return Optional.ofNullable(labCa);
    }

    @Override
    public String toString() {
        return labCa == null ? "browser default trust" : "browser default trust + lab CA " + labCa;
    }
}
