package io.hilharness.lwip;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hilharness.image.ProjectLayout;
import io.hilharness.netns.PrivateNetwork;
import java.net.NetworkInterface;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code hil run --image lwip-good} as a user types it, from the machine's own network: hil starts itself
 * again inside a private namespace it creates, runs OkHttp and Chromium campaigns with hard resets and a
 * capture there, and leaves nothing behind. Runs in the default IT execution, outside any namespace.
 */
class HilRunLwipIT {
    @TempDir
    Path runs;

    @Test
    void hilRunsBothClientsWithACaptureInsideANamespaceItCreatesAndLeavesNoTapBehind() throws Exception {
        assertFalse(PrivateNetwork.isInside(), "this test starts outside any namespace of the harness");
        Path output = runs.resolve("hil-output.txt");
        List<String> command = new ArrayList<>(List.of(ProjectLayout.locate().root().resolve("harness/bin/hil").toString(),
                "run", "--image", LwipCampaignIT.IMAGE, "--trust", "image", "--client", "both", "--capture",
                "--reset", "hard", "--boots", "2", "--rounds", "1", "--runs-dir", runs.toString()));
        Process hil = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile()).start();
        assertTrue(hil.waitFor(600, TimeUnit.SECONDS), "hil did not end");
        String said = Files.readString(output, StandardCharsets.UTF_8);

        assertEquals(0, hil.exitValue(), said);
        assertTrue(said.contains("okhttp") && said.contains("chromium"), "a comparison of both clients: " + said);
        // One complete capture per client (a reason in brackets would say what is missing).
        assertEquals(2, said.lines().filter(l -> l.matches("wire: [1-9][0-9]* TCP streams in .*, per connection in wire.json")).count(), said);
        // The taps lived in the child's namespace, which died with it.
        assertNull(NetworkInterface.getByName("tap0"), "a tap was left in the machine's network");
    }
}
