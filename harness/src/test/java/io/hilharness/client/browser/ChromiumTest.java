package io.hilharness.client.browser;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class ChromiumTest {
    @Test
    void theBrowserIsKeptOffTheNetworkAndResolvesOnlyTheBoard() {
        List<String> args = Chromium.arguments("127.0.0.1", Path.of("/p"), Path.of("/n.json"), "https://127.0.0.1:1/x");
        assertTrue(args.contains("--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1"), args::toString);
        assertTrue(args.containsAll(List.of("--headless", "--disable-background-networking", "--disable-quic",
                "--disable-component-update", "--no-pings", "--disable-domain-reliability", "--disable-sync")));
        assertTrue(args.contains("--user-data-dir=/p") && args.contains("--log-net-log=/n.json"));
    }

    @Test
    void aBoardOffLoopbackIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> ChromiumDriver.builder("192.0.2.1", 443));
    }
}
