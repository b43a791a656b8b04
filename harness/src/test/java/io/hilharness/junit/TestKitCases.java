package io.hilharness.junit;

import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Sample test classes that exist to be run by the engine test kit, where their outcome is asserted. Marked
 * {@code @EnabledIf("io.hilharness.junit.TestKitCases#requested")} so a wide {@code -Dtest} pattern that picks
 * up nested classes skips them instead of reporting their deliberate failures.
 */
final class TestKitCases {
    static final String PARAMETER = "hil.test.runTestKitCases";

    private TestKitCases() {
    }

    static boolean requested(ExtensionContext context) {
        return context.getConfigurationParameter(PARAMETER).map(Boolean::parseBoolean).orElse(false);
    }
}
