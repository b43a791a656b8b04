package io.hilharness.certs;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;

/**
 * The files of a bench PKI in one folder: chain.pem, key.pem (owner-only), ca.pem (the clients' trust
 * file), and the firmware headers certs.h and key.h (owner-only).
 *
 * @param credentials the PEM files
 * @param certsHeader certificates as C arrays
 * @param keyHeader   the private key as a C array
 */
public record LabPkiFiles(CredentialFiles credentials, Path certsHeader, Path keyHeader) {

    public static final String CERTS_HEADER = "certs.h";
    public static final String KEY_HEADER = "key.h";

    public static LabPkiFiles in(Path directory) {
        return new LabPkiFiles(CredentialFiles.in(directory), directory.resolve(CERTS_HEADER),
                directory.resolve(KEY_HEADER));
    }

    public List<Path> all() {
        return List.of(credentials.chain(), credentials.key(), credentials.ca(), certsHeader, keyHeader);
    }

    /**
     * Writes all five files.
     *
     * @param overwrite replace existing files; without it nothing is written when any of them exists
     * @throws FileAlreadyExistsException naming the first existing file when overwrite is false
     */
    public static LabPkiFiles write(ServerCredential credential, Path directory, String cPrefix, boolean overwrite)
            throws IOException {
        FirmwareHeaders.checkPrefix(cPrefix);
        LabPkiFiles files = in(directory);
        if (!overwrite) {
            for (Path file : files.all()) {
                if (Files.exists(file)) {
                    throw new FileAlreadyExistsException(file.toString(), null,
                            "exists; refusing to replace a key silently (use --force to replace all files)");
                }
            }
        }
        CredentialWriter.write(credential, directory, overwrite);
        Files.writeString(files.certsHeader(), FirmwareHeaders.certificates(credential, cPrefix),
                StandardCharsets.US_ASCII);
        Files.deleteIfExists(files.keyHeader());
        // Created owner-only before a byte of the key is in it, like key.pem.
        Files.createFile(files.keyHeader(), PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.writeString(files.keyHeader(), FirmwareHeaders.privateKey(credential, cPrefix), StandardCharsets.US_ASCII);
        return files;
    }
}
