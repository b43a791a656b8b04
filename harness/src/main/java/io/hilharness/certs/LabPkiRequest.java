package io.hilharness.certs;

import java.time.Duration;
import java.util.Objects;

/**
 * What {@code hil certs issue} makes: a root, optionally an intermediate, and a server leaf.
 *
 * @param identity     the names clients use to reach the board (subjectAltName)
 * @param intermediate issue the leaf from an intermediate (root pathLen 1, intermediate pathLen 0)
 *                     instead of from the root directly (root pathLen 0)
 * @param algorithm    key type of every certificate in the PKI
 * @param leafLifetime how long the leaf is valid (from an hour ago)
 */
public record LabPkiRequest(ServerIdentity identity, boolean intermediate, KeyAlgorithm algorithm,
                            Duration leafLifetime) {

    public LabPkiRequest {
        Objects.requireNonNull(identity, "identity");
        Objects.requireNonNull(algorithm, "algorithm");
        Objects.requireNonNull(leafLifetime, "leafLifetime");
        if (leafLifetime.isNegative() || leafLifetime.isZero()) {
            throw new IllegalArgumentException("the leaf lifetime must be positive");
        }
        if (leafLifetime.compareTo(LabCa.INTERMEDIATE_LIFETIME) > 0) {
            // A leaf outliving its issuer is rejected by every client once the issuer expires.
            throw new IllegalArgumentException("the leaf lifetime must not exceed "
                    + LabCa.INTERMEDIATE_LIFETIME.toDays() + " days (its issuer's)");
        }
    }

    /** Sensible bench defaults: EC P-256, issued by the root directly, valid two years. */
    public static LabPkiRequest of(ServerIdentity identity) {
        return new LabPkiRequest(identity, false, KeyAlgorithm.EC_P256, LabCa.LEAF_LIFETIME);
    }
}
