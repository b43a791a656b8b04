package io.hilharness.diagnose.rules;

import io.hilharness.certs.doctor.Finding;
import java.util.Locale;

/**
 * Which kinds of client reject a chain for a problem the certificate doctor found, and why: the JDK
 * (the harness's own client) is the most lenient of them, which is how such a chain passes a campaign
 * and fails in the field.
 */
final class ClientsRejecting {
    private ClientsRejecting() {
    }

    static String of(Finding problem) {
        String m = problem.message().toLowerCase(Locale.ROOT);
        return switch (problem.check()) {
            case "algorithms" -> m.contains("rsa") && m.contains("2048")
                    ? "rejected by curl/OpenSSL (Debian's security level 2: 'ee key too small'), by mbedTLS clients "
                    + "(the default certificate profile wants 2048 bits) and by browsers for a public CA's chain; "
                    + "the JDK accepts RSA down to 1024 bits"
                    : m.contains("sha-1") || m.contains("sha1") || m.contains("md5")
                    ? "rejected by browsers (SHA-1 signatures since 2017), curl/OpenSSL 3 (security level 1 and up) and "
                    + "mbedTLS clients (default profile); the JDK refuses SHA-1 only below its own cacerts roots"
                    : "rejected by browsers and most TLS clients (key type or curve they do not support)";
            case "names" -> m.contains("no subjectaltname")
                    ? "rejected by browsers (Chrome and Firefox ignore the CN) and by the JDK for an IP address; "
                    + "curl/OpenSSL and mbedTLS clients still fall back to the CN for a host name"
                    : "rejected by every client that checks the name it dialled (browsers, curl, the JDK, mbedTLS "
                    + "clients with mbedtls_ssl_set_hostname)";
            case "validity" -> "every client (browsers, curl/OpenSSL, the JDK, mbedTLS clients) rejects it from the "
                    + "expiry date on, by its own clock";
            case "chain" -> "rejected by clients that do not rebuild the path themselves (mbedTLS clients, older "
                    + "OpenSSL, many embedded clients); browsers and the JDK often repair the order or fetch what is missing";
            default -> "rejected by strict clients (browsers, curl/OpenSSL, mbedTLS clients)";
        };
    }
}
