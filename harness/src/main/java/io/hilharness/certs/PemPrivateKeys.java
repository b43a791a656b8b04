package io.hilharness.certs;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivateKey;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.util.io.pem.PemObject;

/** Private keys as PEM: unencrypted PKCS#8 ("PRIVATE KEY"), the form mbedTLS 2.28 parses. */
public final class PemPrivateKeys {

    private PemPrivateKeys() {
    }

    /** Reads a PKCS#8 or traditional EC private key; the message names the file, never the key. */
    public static PrivateKey read(Path file) throws IOException {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.US_ASCII);
             PEMParser parser = new PEMParser(reader)) {
            Object item = parser.readObject();
            JcaPEMKeyConverter converter = new JcaPEMKeyConverter();
            if (item instanceof PrivateKeyInfo info) {
                return converter.getPrivateKey(info);
            }
            if (item instanceof PEMKeyPair pair) {
                return converter.getPrivateKey(pair.getPrivateKeyInfo());
            }
            throw new PemFormatException(file, "expected an unencrypted private key, found "
                    + (item == null ? "nothing" : item.getClass().getSimpleName()));
        } catch (PemFormatException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            // Do not include e.getMessage(): a parser message could quote key bytes.
            throw new PemFormatException(file, "not a readable private key file (" + e.getClass().getSimpleName() + ")");
        }
    }

    /** The PEM object for a key; JcaPKCS8Generator, because JcaPEMWriter writes SunEC keys in a form that does not parse back. */
    static PemObject pkcs8(PrivateKey key) throws IOException {
        return new JcaPKCS8Generator(key, null).generate();
    }
}
