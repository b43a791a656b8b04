package io.hilharness.certs.doctor;

import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** Which certificate of two chains differs, in words, for the checks that compare a chain with another copy of it. */
final class ChainDifference {
    private ChainDifference() {
    }

    /**
     * Empty when both chains are the same certificates in the same order, byte for byte; else e.g.
     * "certificate #1 differs: 'CN=ca' serial 1a in the first, 'CN=other' serial 2b in the second".
     */
    static Optional<String> between(List<X509Certificate> a, String aName, List<X509Certificate> b, String bName) {
        int common = Math.min(a.size(), b.size());
        for (int i = 0; i < common; i++) {
            if (!Arrays.equals(der(a.get(i)), der(b.get(i)))) {
                return Optional.of("certificate #" + i + " differs: " + name(a.get(i)) + " " + aName + ", "
                        + name(b.get(i)) + " " + bName);
            }
        }
        if (a.size() != b.size()) {
            List<X509Certificate> longer = a.size() > b.size() ? a : b;
            return Optional.of(a.size() + " certificate(s) " + aName + ", " + b.size() + " " + bName + ": #" + common
                    + " (" + name(longer.get(common)) + ") only " + (longer == a ? aName : bName));
        }
        return Optional.empty();
    }

    /** The index of the first certificate that differs, or null when only the lengths differ or the chains are equal. */
    static Integer firstDifferent(List<X509Certificate> a, List<X509Certificate> b) {
        for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
            if (!Arrays.equals(der(a.get(i)), der(b.get(i)))) {
                return i;
            }
        }
        return null;
    }

    static String name(X509Certificate c) {
        return "'" + c.getSubjectX500Principal().getName() + "' serial " + c.getSerialNumber().toString(16);
    }

    static byte[] der(X509Certificate c) {
        try {
            return c.getEncoded();
        } catch (CertificateEncodingException e) {
            return new byte[0];
        }
    }
}
