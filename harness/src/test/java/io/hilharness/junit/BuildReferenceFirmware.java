package io.hilharness.junit;

import io.hilharness.testing.ReferenceFirmware;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Builds the reference firmware before {@link HilExtension} flashes it: declare it before {@code @HilTest},
 * since extensions run in the order they are declared.
 */
final class BuildReferenceFirmware implements BeforeAllCallback {
    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        ReferenceFirmware.built();
    }
}
