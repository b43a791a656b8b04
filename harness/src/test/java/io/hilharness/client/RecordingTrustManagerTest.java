package io.hilharness.client;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.hilharness.certs.Spki;
import io.hilharness.certs.Trust;
import java.net.Socket;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RecordingTrustManagerTest {

    private final List<X509Certificate[]> recorded = new ArrayList<>();
    private final ServerChainListener listener = (port, chain, version, suite) -> recorded.add(chain);

    @Test
    void recordsAChainTheDelegateRejectsAndStillRejectsIt() throws Exception {
        X509Certificate[] chain = BenchPki.SELF_SIGNED.chain().toArray(X509Certificate[]::new);
        var manager = new RecordingTrustManager(Trust.system().newTrustManager(), listener);

        try (Socket unconnected = new Socket()) {
            assertThrows(CertificateException.class, () -> manager.checkServerTrusted(chain, "ECDHE_ECDSA", unconnected));
        }

        assertEquals(1, recorded.size());
        assertArrayEquals(chain, recorded.get(0));
    }

    @Test
    void acceptsExactlyWhatTheDelegateAccepts() throws Exception {
        X509Certificate[] chain = BenchPki.SELF_SIGNED.chain().toArray(X509Certificate[]::new);
        var pinned = new RecordingTrustManager(
                Trust.pinnedSpki(Spki.sha256Hex(chain[0])).newTrustManager(), listener);
        var otherPin = new RecordingTrustManager(
                Trust.pinnedSpki(Spki.sha256Hex(BenchPki.LOOPBACK.leaf())).newTrustManager(), listener);

        try (Socket unconnected = new Socket()) {
            pinned.checkServerTrusted(chain, "ECDHE_ECDSA", unconnected);
            assertThrows(CertificateException.class, () -> otherPin.checkServerTrusted(chain, "ECDHE_ECDSA", unconnected));
        }
        assertEquals(2, recorded.size());
    }

    @Test
    void pinnedTrustJudgesNoClients() {
        var pinned = Trust.pinnedSpki("ab".repeat(32)).newTrustManager();
        X509Certificate[] chain = BenchPki.SELF_SIGNED.chain().toArray(X509Certificate[]::new);

        assertThrows(CertificateException.class, () -> pinned.checkClientTrusted(chain, "ECDHE_ECDSA"));
        assertThrows(CertificateException.class, () -> pinned.checkServerTrusted(new X509Certificate[0], "ECDHE_ECDSA"));
    }
}
