package io.hilharness.certs;

import java.nio.file.Path;

/**
 * Where a credential was written.
 *
 * @param chain leaf first, then intermediates (what the board sends)
 * @param key   the leaf's private key, PKCS#8 PEM, owner-only
 * @param ca    the trust anchor clients use
 */
public record CredentialFiles(Path chain, Path key, Path ca) {

    public static final String CHAIN_FILE = "chain.pem";
    public static final String KEY_FILE = "key.pem";
    public static final String CA_FILE = "ca.pem";

    public static CredentialFiles in(Path directory) {
        return new CredentialFiles(directory.resolve(CHAIN_FILE), directory.resolve(KEY_FILE),
                directory.resolve(CA_FILE));
    }
}
