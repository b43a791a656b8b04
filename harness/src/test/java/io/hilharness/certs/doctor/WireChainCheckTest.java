package io.hilharness.certs.doctor;

import static io.hilharness.certs.doctor.TestCertificates.ca;
import static io.hilharness.certs.doctor.TestCertificates.leaf;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hilharness.certs.Trust;
import io.hilharness.certs.doctor.TestCertificates.Issued;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The Certificate message on the wire against the chain examined, each client's record and the board's hexdump. */
class WireChainCheckTest {
    private static final Issued ROOT = ca("Wire Root").selfSigned();
    private static final Issued INTERMEDIATE = ca("Wire Intermediate").pathLen(0).issuedBy(ROOT);
    private static final Issued LEAF = leaf("127.0.0.1").issuedBy(INTERMEDIATE);
    private static final Issued OTHER_INTERMEDIATE = ca("Wire Intermediate").pathLen(0).issuedBy(ROOT);
    private static final List<X509Certificate> CHAIN = List.of(LEAF.cert(), INTERMEDIATE.cert());
    private static final Trust TRUST = Trust.caFile(Path.of("root.pem"), List.of(ROOT.cert()));

    private static List<Finding> wire(DoctorInput.Builder input) {
        return CertDoctor.standard().examine(input.trust(TRUST).clientNames(List.of("127.0.0.1")).build()).findings()
                .stream().filter(f -> f.check().equals(WireChainCheck.ID)).toList();
    }

    private static WireChain connection(int stream, List<X509Certificate> onWire, List<X509Certificate> clientSaw) {
        return new WireChain(stream, 50000 + stream, 6, onWire, clientSaw);
    }

    @Test
    void theSameChainEverywhereIsSaidOnceEachWay() {
        List<Finding> found = wire(DoctorInput.builder("chain.pem", CHAIN).deviceChain(CHAIN)
                .wireChains(List.of(connection(0, CHAIN, CHAIN), connection(1, CHAIN, CHAIN))));
        assertTrue(found.stream().allMatch(f -> f.severity() == Severity.INFO), found.toString());
        List<String> messages = found.stream().map(Finding::message).toList();
        assertEquals(List.of("the Certificate message on the wire (tcp.stream 0, 1) is the chain examined, byte for byte",
                "the Certificate message on the wire (tcp.stream 0, 1) is what the board's hexdump shows, byte for byte",
                "the chain the client recorded is the Certificate message on the wire, byte for byte, in 2 of 2 connections "
                        + "(tcp.stream 0, 1)"), messages);
    }

    @Test
    void aDifferentIntermediateOnTheWireIsNamedWithItsIndex() {
        List<X509Certificate> served = List.of(LEAF.cert(), OTHER_INTERMEDIATE.cert());
        List<Finding> found = wire(DoctorInput.builder("chain.pem", CHAIN).deviceChain(CHAIN)
                .wireChains(List.of(connection(3, served, served))));
        Finding examined = found.stream().filter(f -> f.message().contains("is not the chain examined")).findFirst().orElseThrow();
        assertEquals(Severity.ERROR, examined.severity());
        assertEquals(1, examined.cert());
        assertTrue(examined.message().startsWith("the Certificate message on the wire (tcp.stream 3) is not the chain "
                + "examined: certificate #1 differs: 'CN=Wire Intermediate' serial "), examined.message());
        Finding dump = found.stream().filter(f -> f.message().contains("hexdump") || f.message().contains("board's log"))
                .findFirst().orElseThrow();
        assertEquals(Severity.ERROR, dump.severity());
        assertEquals(1, dump.cert());
        assertTrue(dump.message().contains("is not what the board's log says it sent: certificate #1 differs"), dump.message());
    }

    @Test
    void aClientThatRecordedAnotherChainThanTheWireIsAnError() {
        List<Finding> found = wire(DoctorInput.builder("chain.pem", CHAIN)
                .wireChains(List.of(connection(0, CHAIN, List.of(LEAF.cert())), connection(1, CHAIN, null))));
        Finding client = found.stream().filter(f -> f.severity() == Severity.ERROR).findFirst().orElseThrow();
        assertTrue(client.message().startsWith("the client of tcp.stream 0 (client port 50000, frame 6) recorded another "
                + "chain than the Certificate message on the wire: 2 certificate(s) on the wire, 1 as the client recorded it"),
                client.message());
        assertEquals(1, found.stream().filter(f -> f.severity() == Severity.ERROR).count(), "stream 1 recorded nothing");
    }

    @Test
    void severalMessagesInOneCaptureAreWarnedAbout() {
        List<Finding> found = wire(DoctorInput.builder("chain.pem", CHAIN)
                .wireChains(List.of(connection(0, CHAIN, null), connection(1, List.of(LEAF.cert()), null))));
        Finding several = found.stream().filter(f -> f.severity() == Severity.WARNING).findFirst().orElseThrow();
        assertTrue(several.message().startsWith("the board sent 2 different Certificate messages in this capture"), several.message());
        assertTrue(found.stream().anyMatch(f -> f.severity() == Severity.ERROR
                && f.message().contains("(tcp.stream 1) is not the chain examined")), found.toString());
    }

    @Test
    void withoutCaptureTheCheckSaysNothing() {
        assertTrue(wire(DoctorInput.builder("chain.pem", CHAIN)).isEmpty());
    }
}
