package io.hilharness.devlog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.junit.jupiter.api.Test;

class CertificateMessagesTest {

    @Test
    void findsTheChainTheBoardSentInARealCapture() throws Exception {
        DeviceLogParser parser = new DeviceLogParser(new MbedtlsNativeFormat());
        List<DeviceEvent> events = new ArrayList<>(Fixtures.parse(parser, Fixtures.lines("refboard-mbedtls-noports.log")));
        events.addAll(parser.flush());
        List<List<byte[]>> chains = events.stream().map(DeviceEvent::dump).filter(Objects::nonNull)
                .filter(d -> d.label().equals("output record sent to network"))
                .map(CertificateMessages::chain).flatMap(java.util.Optional::stream).toList();
        assertEquals(6, chains.size(), "every connection but the EOF one (no ClientHello) got the Certificate message");
        X509Certificate leaf = (X509Certificate) CertificateFactory.getInstance("X.509")
                .generateCertificate(new ByteArrayInputStream(chains.get(0).get(0)));
        assertEquals("CN=127.0.0.1", leaf.getSubjectX500Principal().getName());
        for (List<byte[]> chain : chains) {
            assertEquals(1, chain.size());
            assertTrue(java.util.Arrays.equals(chains.get(0).get(0), chain.get(0)), "same certificate every time");
        }
    }

    @Test
    void rejectsOtherMessagesAndBadLengths() {
        assertTrue(CertificateMessages.chain(new byte[] {22, 3, 3, 0, 4, 2, 0, 0, 0}).isEmpty(), "ServerHello");
        assertTrue(CertificateMessages.chain(new byte[] {11, 0, 0, 9, 0, 0, 6, 0, 0, 9, 1, 2, 3}).isEmpty(), "cert longer than list");
        assertTrue(CertificateMessages.chain(new byte[] {11, 0}).isEmpty());
        List<byte[]> one = CertificateMessages.chain(new byte[] {11, 0, 0, 7, 0, 0, 4, 0, 0, 1, 0x30}).orElseThrow();
        assertEquals(1, one.size());
        assertEquals(0x30, one.get(0)[0]);
    }
}
