package io.hilharness.certs;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Set;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;

/** Writes a credential as chain.pem, key.pem and ca.pem into a folder. */
public final class CredentialWriter {

    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

    private CredentialWriter() {
    }

    /**
     * @param overwrite replace existing files; without it any existing file is an error, so an old key is
     *                  never replaced silently and never paired with a new chain
     * @throws FileAlreadyExistsException when a file exists and overwrite is false (nothing is written then)
     */
    public static CredentialFiles write(ServerCredential credential, Path directory, boolean overwrite)
            throws IOException {
        CredentialFiles files = CredentialFiles.in(directory);
        if (!overwrite) {
            for (Path file : List.of(files.key(), files.chain(), files.ca())) {
                if (Files.exists(file)) {
                    throw new FileAlreadyExistsException(file.toString(), null,
                            "refusing to overwrite without the overwrite flag");
                }
            }
        }
        Files.createDirectories(directory);
        writeKey(credential, files.key());
        Files.writeString(files.chain(), PemCertificates.encodeAll(credential.chain()), StandardCharsets.US_ASCII);
        Files.writeString(files.ca(), PemCertificates.encode(credential.trustAnchor()), StandardCharsets.US_ASCII);
        return files;
    }

    private static void writeKey(ServerCredential credential, Path keyFile) throws IOException {
        // Delete and re-create rather than truncate: only a new file is guaranteed to start as 0600,
        // an existing one would keep whatever mode it had while the key is being written into it.
        Files.deleteIfExists(keyFile);
        try {
            Files.createFile(keyFile, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
        } catch (UnsupportedOperationException e) {
            throw new IOException(keyFile + ": file system cannot restrict permissions; refusing to write a key", e);
        }
        try (Writer out = new OutputStreamWriter(Files.newOutputStream(keyFile, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING), StandardCharsets.US_ASCII);
             JcaPEMWriter pem = new JcaPEMWriter(out)) {
            pem.writeObject(PemPrivateKeys.pkcs8(credential.privateKey()));
        }
    }
}
