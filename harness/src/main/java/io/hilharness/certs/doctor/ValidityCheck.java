package io.hilharness.certs.doctor;

import static io.hilharness.certs.doctor.CertFacts.label;
import static io.hilharness.certs.doctor.CertFacts.subject;

import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/** notBefore/notAfter against the client's clock and, when known, the board's own clock. */
final class ValidityCheck implements CertCheck {

    static final String ID = "validity";
    static final Duration EXPIRY_WARNING = Duration.ofDays(30);
    /** A clock before this has never been set: no RTC, no SNTP yet. */
    private static final Instant CLOCK_NEVER_SET = Instant.parse("2000-01-01T00:00:00Z");

    @Override
    public String id() {
        return ID;
    }

    @Override
    public List<Finding> check(DoctorInput input) {
        List<Finding> findings = new ArrayList<>();
        List<X509Certificate> chain = input.chain();
        for (int i = 0; i < chain.size(); i++) {
            X509Certificate cert = chain.get(i);
            Instant notBefore = cert.getNotBefore().toInstant();
            Instant notAfter = cert.getNotAfter().toInstant();
            Instant now = input.clientTime();
            if (now.isBefore(notBefore)) {
                findings.add(Finding.error(ID, i, subject(cert), label(chain, i) + " is not valid yet: notBefore "
                                + notBefore + ", the client's clock says " + now,
                        "issue it with a notBefore in the past (hil certs issue backdates by an hour)"));
            } else if (now.isAfter(notAfter)) {
                findings.add(Finding.error(ID, i, subject(cert), label(chain, i) + " expired on " + notAfter
                        + " (client clock " + now + "); clients send alert 45 certificate_expired", "issue a new one"));
            } else if (now.plus(EXPIRY_WARNING).isAfter(notAfter)) {
                findings.add(Finding.warning(ID, i, subject(cert), label(chain, i) + " expires on " + notAfter
                        + ", within " + EXPIRY_WARNING.toDays() + " days", "issue a new one before then"));
            }
        }
        input.deviceTime().ifPresent(device -> deviceClock(chain, device, findings));
        return findings;
    }

    /** One finding per cause: a clock that was never set makes every certificate "not yet valid". */
    private static void deviceClock(List<X509Certificate> chain, Instant device, List<Finding> findings) {
        List<Integer> future = IntStream.range(0, chain.size())
                .filter(i -> device.isBefore(chain.get(i).getNotBefore().toInstant())).boxed().toList();
        if (!future.isEmpty()) {
            int first = future.get(0);
            X509Certificate cert = chain.get(first);
            String unset = device.isBefore(CLOCK_NEVER_SET)
                    ? " the board's clock starts at " + device.atZone(ZoneOffset.UTC).getYear()
                            + " (no RTC or SNTP before TLS starts);" : "";
            String others = future.size() == 1 ? "" : " (also "
                    + future.stream().skip(1).map(i -> "#" + i).collect(Collectors.joining(", ")) + ")";
            findings.add(Finding.error(ID, first, subject(cert), "board clock not set: the device's clock says "
                            + device + ", before the notBefore " + cert.getNotBefore().toInstant() + " of "
                            + label(chain, first) + others + ";" + unset
                            + " mbedTLS on the board flags it as not yet valid (MBEDTLS_X509_BADCERT_FUTURE)",
                    "set the board's clock (SNTP or RTC) before any TLS; backdating notBefore does not help a "
                            + "clock that starts in 1970"));
        }
        for (int i = 0; i < chain.size(); i++) {
            X509Certificate cert = chain.get(i);
            if (device.isAfter(cert.getNotAfter().toInstant())) {
                findings.add(Finding.error(ID, i, subject(cert), label(chain, i) + " has expired by the device's "
                        + "clock (" + device + ", notAfter " + cert.getNotAfter().toInstant() + ")",
                        "check the board's clock, then issue a new certificate"));
            }
        }
    }
}
