package io.hilharness.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hilharness.certs.LabPki;
import io.hilharness.certs.PemCertificates;
import io.hilharness.certs.Trust;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrustOptionTest {
    @TempDir
    Path dir;

    @Test
    void systemIsAlsoTheChoiceWhenNoneIsGiven() {
        assertEquals(TrustOption.SYSTEM, TrustOption.parse(null));
        assertEquals(TrustOption.SYSTEM, TrustOption.parse("system"));
        assertEquals(TrustOption.IMAGE, TrustOption.parse("image"));
        assertEquals("lab/ca.pem", TrustOption.parse("lab/ca.pem").toString());
    }

    @Test
    void imageMeansTheBuiltImagesLabCa() throws Exception {
        FirmwareImage image = image("trust: certs/ca.pem\n");
        Files.createDirectories(dir.resolve("certs"));
        Files.writeString(dir.resolve("certs/ca.pem"), PemCertificates.encode(LabPki.newRootCa("option root").root()));

        Trust trust = TrustOption.IMAGE.resolve(image);

        assertEquals(Trust.Kind.CA, trust.kind());
        assertEquals("CA file " + dir.resolve("certs/ca.pem"), trust.toString());
        assertEquals(Trust.system(), TrustOption.SYSTEM.resolve(image));
    }

    @Test
    void imageOfAnImageWithoutATrustFileNamesTheManifestField() throws Exception {
        FirmwareImage image = image("");

        ManifestException e = assertThrows(ManifestException.class, () -> TrustOption.IMAGE.resolve(image));

        assertEquals(dir.resolve("manifest.yaml") + ": field 'trust': image lab-ca names no trust file", e.getMessage());
    }

    @Test
    void aFileThatIsNotThereIsNamed() throws Exception {
        FirmwareImage image = image("");
        Path missing = dir.resolve("nope.pem");

        IOException e = assertThrows(IOException.class, () -> TrustOption.parse(missing.toString()).resolve(image));

        assertEquals("--trust: no such file: " + missing, e.getMessage());
        assertTrue(TrustOption.parse(missing.toString()).caFile(image).isPresent());
    }

    private FirmwareImage image(String trustLine) throws Exception {
        Files.writeString(dir.resolve("manifest.yaml"), """
                name: lab-ca
                cert_chain: certs/chain.pem
                private_key: certs/key.pem
                content_dir: content
                port: 8443
                """ + trustLine);
        return FirmwareImage.load(dir);
    }
}
