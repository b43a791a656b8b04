package io.hilharness.image;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * How the image's certificates are made at build time (never committed).
 *
 * @param kind {@code selfsigned} (a non-CA self-signed leaf) or {@code lab-ca} (a leaf issued by a lab CA)
 * @param ips  subjectAltName IP addresses of the leaf
 * @param dns  subjectAltName DNS names of the leaf
 */
public record PkiSpec(@JsonProperty("kind") String kind,
                      @JsonProperty("ips") List<String> ips,
                      @JsonProperty("dns") List<String> dns) {
    public PkiSpec {
        ips = ips == null ? List.of() : List.copyOf(ips);
        dns = dns == null ? List.of() : List.copyOf(dns);
    }
}
