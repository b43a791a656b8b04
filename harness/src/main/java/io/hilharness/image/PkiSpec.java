package io.hilharness.image;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * How the image's certificates are made at build time (never committed).
 *
 * @param kind one of {@link #KINDS}:
 *             {@code selfsigned}: a non-CA self-signed leaf;
 *             {@code lab-ca}: a leaf issued directly by a lab root CA;
 *             {@code lab-ca-intermediate}: root, an intermediate (pathLen 0), the leaf: a correct chain;
 *             {@code pathlen0}: root, intermediate A (pathLen 0), intermediate B issued by A, the leaf:
 *             a chain every client rejects because A may not have a CA below it;
 *             {@code eku-client-only}: a lab CA's leaf whose extendedKeyUsage is clientAuth only, which an
 *             mbedTLS server will not use;
 *             {@code rsa1024}: a lab CA's leaf with an RSA-1024 key, which the JDK accepts and other clients refuse
 * @param ips  subjectAltName IP addresses of the leaf
 * @param dns  subjectAltName DNS names of the leaf
 */
public record PkiSpec(@JsonProperty("kind") String kind,
                      @JsonProperty("ips") List<String> ips,
                      @JsonProperty("dns") List<String> dns) {

    public static final List<String> KINDS = List.of("selfsigned", "lab-ca", "lab-ca-intermediate", "pathlen0",
            "eku-client-only", "rsa1024");
    public PkiSpec {
        ips = ips == null ? List.of() : List.copyOf(ips);
        dns = dns == null ? List.of() : List.copyOf(dns);
    }
}
