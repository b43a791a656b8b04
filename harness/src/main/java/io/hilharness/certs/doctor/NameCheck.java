package io.hilharness.certs.doctor;

import static io.hilharness.certs.doctor.CertFacts.subject;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import javax.naming.InvalidNameException;
import javax.naming.ldap.LdapName;
import javax.naming.ldap.Rdn;
import okhttp3.internal.tls.OkHostnameVerifier;

/**
 * The leaf's subjectAltName against the addresses clients type. Clients ignore the subject CN (RFC 6125,
 * Chrome since 58), so a name only in the CN is as good as missing. Whether a name matches is decided by
 * OkHttp's own hostname verifier, the one the harness's client uses, so the doctor and the client never
 * disagree; this check adds why.
 */
final class NameCheck implements CertCheck {

    static final String ID = "names";
    private static final OkHostnameVerifier HOSTNAMES = OkHostnameVerifier.INSTANCE;
    private static final int DNS = 2;
    private static final int IP = 7;

    @Override
    public String id() {
        return ID;
    }

    @Override
    public List<Finding> check(DoctorInput input) {
        X509Certificate leaf = input.leaf();
        String subject = subject(leaf);
        List<String> dnsNames = new ArrayList<>();
        List<InetAddress> ips = new ArrayList<>();
        List<String> shown = new ArrayList<>();
        readSubjectAltNames(leaf, dnsNames, ips, shown);
        List<Finding> findings = new ArrayList<>();
        if (shown.isEmpty()) {
            findings.add(Finding.error(ID, 0, subject,
                    "the leaf has no subjectAltName: clients ignore the CN, so it matches no address",
                    "re-issue the leaf with subjectAltName IP:<board address> and/or DNS:<board name>"));
            return findings;
        }
        for (String dns : dnsNames) {
            wildcardHazard(dns).ifPresent(problem -> findings.add(Finding.warning(ID, 0, subject, problem,
                    "use exact names, or a wildcard as the whole leftmost label of a name with at least two more labels")));
        }
        if (input.clientNames().isEmpty()) {
            findings.add(Finding.info(ID, 0, subject, "the leaf is for " + shown
                    + "; no client address given (--host), so names were not matched"));
            return findings;
        }
        for (String name : input.clientNames()) {
            findings.add(match(name, leaf, dnsNames, ips, shown));
        }
        return findings;
    }

    private static Finding match(String name, X509Certificate leaf, List<String> dnsNames, List<InetAddress> ips,
                                 List<String> shown) {
        String subject = subject(leaf);
        boolean accepted = HOSTNAMES.verify(name, leaf);
        InetAddress ip = ipLiteral(name);
        if (ip != null) {
            if (accepted) {
                return Finding.info(ID, 0, subject, "clients use " + name + ": matches subjectAltName IP:" + name);
            }
            if (ips.contains(ip)) {
                return Finding.error(ID, 0, subject, "clients use " + name + ", which the client reads as written, not as "
                        + ip.getHostAddress() + ": it matches none of " + shown,
                        "give clients the address as " + ip.getHostAddress());
            }
            String hint = dnsNames.stream().anyMatch(d -> d.equalsIgnoreCase(name))
                    ? " (" + name + " is listed as a DNS name; an IP address needs an iPAddress entry)" : cnHint(leaf, name);
            return Finding.error(ID, 0, subject, "the leaf is for " + shown + " but clients use " + name + hint,
                    "re-issue the leaf with subjectAltName IP:" + name + " (hil certs issue --ip " + name + ")");
        }
        if (accepted) {
            return Finding.info(ID, 0, subject, "clients use " + name + ": matches " + matchingEntry(name, dnsNames));
        }
        return Finding.error(ID, 0, subject, "the leaf is for " + shown + " but clients use " + name + cnHint(leaf, name),
                "re-issue the leaf with subjectAltName DNS:" + name + " (hil certs issue --dns " + name + ")");
    }

    /** Which entry the verifier accepted the name by: an exact one, else a wildcard. */
    private static String matchingEntry(String name, List<String> dnsNames) {
        String absolute = absolute(name);
        for (String dns : dnsNames) {
            if (absolute(dns).equals(absolute)) {
                return "subjectAltName DNS:" + dns;
            }
        }
        for (String dns : dnsNames) {
            if (dns.startsWith("*.") && absolute.endsWith(absolute(dns).substring(1))) {
                return "the wildcard DNS:" + dns;
            }
        }
        return "subjectAltName " + dnsNames;
    }

    /** A DNS name as the verifier compares it: lower case, with its root dot ("board.lab" is "board.lab."). */
    private static String absolute(String dns) {
        String lower = dns.toLowerCase(Locale.ROOT);
        return lower.endsWith(".") ? lower : lower + ".";
    }

    private static java.util.Optional<String> wildcardHazard(String dns) {
        if (!dns.contains("*")) {
            return java.util.Optional.empty();
        }
        if (!dns.startsWith("*.") || dns.indexOf('*', 1) >= 0) {
            return java.util.Optional.of("DNS:" + dns + " is a partial wildcard; browsers accept '*' only as the "
                    + "whole leftmost label");
        }
        if (dns.substring(2).indexOf('.') < 0) {
            return java.util.Optional.of("DNS:" + dns + " is a wildcard for a whole top-level domain; browsers reject it");
        }
        return java.util.Optional.empty();
    }

    private static String cnHint(X509Certificate leaf, String name) {
        try {
            for (Rdn rdn : new LdapName(subject(leaf)).getRdns()) {
                if (rdn.getType().equalsIgnoreCase("CN") && name.equalsIgnoreCase(String.valueOf(rdn.getValue()))) {
                    return " (the CN says " + name + ", but clients ignore the CN)";
                }
            }
        } catch (InvalidNameException e) {
            // An odd subject only loses the hint.
        }
        return "";
    }

    private static void readSubjectAltNames(X509Certificate leaf, List<String> dnsNames, List<InetAddress> ips,
                                            List<String> shown) {
        Collection<List<?>> names;
        try {
            names = leaf.getSubjectAlternativeNames();
        } catch (CertificateParsingException e) {
            return;
        }
        if (names == null) {
            return;
        }
        for (List<?> entry : names) {
            int type = (Integer) entry.get(0);
            if (type == DNS) {
                dnsNames.add((String) entry.get(1));
                shown.add("DNS:" + entry.get(1));
            } else if (type == IP) {
                InetAddress address = ipLiteral((String) entry.get(1));
                if (address != null) {
                    ips.add(address);
                }
                shown.add("IP:" + entry.get(1));
            }
        }
    }

    /** The address for an IP literal; null for anything else (never a DNS lookup). */
    static InetAddress ipLiteral(String text) {
        if (!text.matches("[0-9.]+|[0-9a-fA-F:.]*:[0-9a-fA-F:.]*")) {
            return null;
        }
        try {
            return InetAddress.getByName(text);
        } catch (UnknownHostException e) {
            return null;
        }
    }
}
