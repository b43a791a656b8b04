package io.hilharness.certs;

import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.List;

/** In-memory JDK key stores for JSSE key and trust managers. */
public final class KeyStores {

    private KeyStores() {
    }

    /** A store holding the credential's key with its chain under alias "server". */
    public static KeyStore serverKeyStore(ServerCredential credential, char[] password) throws GeneralSecurityException {
        KeyStore store = empty();
        store.setKeyEntry("server", credential.privateKey(), password,
                credential.chain().toArray(Certificate[]::new));
        return store;
    }

    /** A store that trusts exactly the given certificates. */
    public static KeyStore trustStore(List<X509Certificate> anchors) throws GeneralSecurityException {
        KeyStore store = empty();
        for (int i = 0; i < anchors.size(); i++) {
            store.setCertificateEntry("anchor-" + i, anchors.get(i));
        }
        return store;
    }

    private static KeyStore empty() throws GeneralSecurityException {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try {
            store.load(null, null);
        } catch (IOException e) {
            throw new GeneralSecurityException("cannot initialise an empty key store", e);
        }
        return store;
    }
}
