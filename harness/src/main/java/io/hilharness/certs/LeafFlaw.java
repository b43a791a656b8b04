package io.hilharness.certs;

/**
 * Deliberate mistakes in a server leaf, for scenario images that show how the board and the clients
 * react to them (see {@link LabCa#issueFlawedServer}).
 */
public enum LeafFlaw {
    /**
     * extendedKeyUsage clientAuth only: a server certificate made from a client template. mbedTLS
     * servers skip it when they pick a certificate, so they have no cipher suite to offer.
     */
    CLIENT_AUTH_ONLY,
    /**
     * An RSA key of 1024 bits: the JDK still accepts it; browsers, curl/OpenSSL (security level 2) and
     * mbedTLS clients (default profile) refuse keys under 2048 bits.
     */
    RSA_1024
}
