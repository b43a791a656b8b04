package io.hilharness.testing;

import io.hilharness.image.ProjectLayout;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

/** Makes sure the reference firmware is built before an integration test flashes it (make is incremental). */
public final class ReferenceFirmware {
    private ReferenceFirmware() {
    }

    public static synchronized ProjectLayout built() throws IOException, InterruptedException {
        ProjectLayout layout = ProjectLayout.locate();
        Process make = new ProcessBuilder("make", "-s", "-C", layout.firmwareDir().toString())
                .redirectErrorStream(true).start();
        String output = new String(make.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!make.waitFor(5, TimeUnit.MINUTES) || make.exitValue() != 0) {
            throw new IllegalStateException("building the reference firmware failed (is libmbedtls-dev installed? "
                    + "ci/test installs it):\n" + output);
        }
        return layout;
    }
}
