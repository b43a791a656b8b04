package io.hilharness.testing;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Builds the reference firmware before the JUnit extension flashes it: declare it before {@code @HilTest},
 * since extensions run in the order they are declared.
 */
public final class BuildReferenceFirmware implements BeforeAllCallback {
    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        ReferenceFirmware.built();
    }
}
