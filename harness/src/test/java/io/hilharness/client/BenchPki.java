package io.hilharness.client;

import io.hilharness.certs.LabCa;
import io.hilharness.certs.LabPki;
import io.hilharness.certs.PemCertificates;
import io.hilharness.certs.ServerCredential;
import io.hilharness.certs.ServerIdentity;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The certificates the client tests serve, generated once per test run (never committed). */
final class BenchPki {

    static final LabCa ROOT = LabPki.newRootCa("hil-harness test root");
    static final LabCa INTERMEDIATE = ROOT.newIntermediate("hil-harness test intermediate");
    /** Leaf for 127.0.0.1 issued by the intermediate: chain of two, like a careful deployment. */
    static final ServerCredential LOOPBACK = INTERMEDIATE.issueServer(
            new ServerIdentity("board.lab", List.of("127.0.0.1"), List.of("board.lab")));
    /** Valid chain, but for another address: the hostname check must fail. */
    static final ServerCredential OTHER_HOST = INTERMEDIATE.issueServer(ServerIdentity.forIp("127.0.0.2"));
    static final ServerCredential SELF_SIGNED = LabPki.selfSignedLeaf(ServerIdentity.forIp("127.0.0.1"));

    private BenchPki() {
    }

    static Path writeRoot(Path directory) throws IOException {
        return write(directory.resolve("lab-ca.pem"), PemCertificates.encode(ROOT.root()));
    }

    static Path writeSelfSignedLeaf(Path directory) throws IOException {
        return write(directory.resolve("self-signed.pem"), PemCertificates.encode(SELF_SIGNED.leaf()));
    }

    static List<String> pemChain(ServerCredential credential) {
        return credential.chain().stream().map(PemCertificates::encode).toList();
    }

    private static Path write(Path file, String pem) throws IOException {
        Files.writeString(file, pem, StandardCharsets.US_ASCII);
        return file;
    }
}
