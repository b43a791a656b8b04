package io.hilharness.certs.doctor;

import io.hilharness.certs.PemFormatException;
import io.hilharness.console.ConsoleLine;
import io.hilharness.console.LineFramer;
import io.hilharness.devlog.CertificateMessages;
import io.hilharness.devlog.DeviceEvent;
import io.hilharness.devlog.DeviceLogParser;
import io.hilharness.devlog.LogFormats;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The chain a board says it sent: the last TLS Certificate message it dumped in its debug log
 * (mbedTLS at debug level 4 dumps every record it writes). Read as a stream, so a long capture costs
 * no memory; the dump is device output, so anything that does not parse is simply not a chain.
 */
public final class DeviceLogChain {
    private DeviceLogChain() {
    }

    /** @throws PemFormatException when the log holds no complete dumped Certificate message */
    public static List<X509Certificate> read(Path log) throws IOException {
        List<List<byte[]>> found = new ArrayList<>();
        DeviceLogParser parser = new DeviceLogParser(LogFormats.autoDetect(List.of()));
        LineFramer framer = new LineFramer(LineFramer.DEFAULT_MAX_LINE_LENGTH, 0,
                Clock.fixed(Files.getLastModifiedTime(log).toInstant(), ZoneOffset.UTC),
                (ConsoleLine line) -> parser.accept(line).forEach(e -> keep(e, found)));
        byte[] buf = new byte[1 << 16];
        try (InputStream in = Files.newInputStream(log)) {
            for (int n; (n = in.read(buf)) > 0; ) {
                framer.feed(buf, 0, n);
            }
        }
        framer.flush();
        parser.flush().forEach(e -> keep(e, found));
        if (found.isEmpty()) {
            throw new PemFormatException(log, "no dumped TLS Certificate message in this log (mbedTLS dumps the records "
                    + "it sends at debug level 4)");
        }
        return certificates(log, found.get(found.size() - 1));
    }

    private static void keep(DeviceEvent event, List<List<byte[]>> found) {
        CertificateMessages.chain(event.dump()).ifPresent(found::add);
    }

    private static List<X509Certificate> certificates(Path log, List<byte[]> ders) throws PemFormatException {
        List<X509Certificate> chain = new ArrayList<>();
        try {
            CertificateFactory factory = CertificateFactory.getInstance("X.509");
            for (byte[] der : ders) {
                chain.add((X509Certificate) factory.generateCertificate(new ByteArrayInputStream(der)));
            }
        } catch (CertificateException e) {
            throw new PemFormatException(log, "the dumped Certificate message holds a certificate that does not parse: "
                    + e.getMessage());
        }
        return chain;
    }

    /** True when both chains are the same certificates in the same order, byte for byte. */
    static boolean same(List<X509Certificate> a, List<X509Certificate> b) {
        if (a.size() != b.size()) {
            return false;
        }
        try {
            for (int i = 0; i < a.size(); i++) {
                if (!java.util.Arrays.equals(a.get(i).getEncoded(), b.get(i).getEncoded())) {
                    return false;
                }
            }
        } catch (java.security.cert.CertificateEncodingException e) {
            return false;
        }
        return true;
    }

    static Optional<String> describe(List<X509Certificate> chain) {
        return chain.isEmpty() ? Optional.empty()
                : Optional.of(chain.size() + " certificate(s), leaf " + chain.get(0).getSubjectX500Principal().getName());
    }
}
