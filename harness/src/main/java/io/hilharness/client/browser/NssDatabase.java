package io.hilharness.client.browser;

import io.hilharness.certs.PemCertificates;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;

/**
 * A throw-away NSS database in a fake home folder: Chromium on Linux reads extra trust anchors from
 * {@code $HOME/.pki/nssdb}, so the lab CA is trusted by this browser only, never by the machine.
 * Built with NSS's own {@code certutil} (Debian package libnss3-tools).
 */
final class NssDatabase {
    static final String CERTUTIL = "certutil";

    private NssDatabase() {
    }

    /** Creates {@code home/.pki/nssdb} trusting every one of the certificates as a CA for TLS servers. */
    static void create(Path home, List<X509Certificate> anchors, Path scratch) throws IOException, InterruptedException {
        Path db = home.resolve(".pki").resolve("nssdb");
        Files.createDirectories(db);
        String dbArg = "sql:" + db;
        ProcessRunner.run(List.of(CERTUTIL, "-N", "-d", dbArg, "--empty-password"), ProcessRunner.SHORT);
        int n = 0;
        for (X509Certificate anchor : anchors) {
            // certutil imports only the first certificate of a file: one file per anchor.
            Path one = scratch.resolve("anchor-" + ++n + ".pem");
            Files.writeString(one, PemCertificates.encode(anchor));
            List<String> add = new ArrayList<>(List.of(CERTUTIL, "-A", "-d", dbArg, "-n", "hil-lab-ca-" + n,
                    "-t", "C,,", "-i", one.toString()));
            ProcessRunner.run(add, ProcessRunner.SHORT);
        }
    }
}
