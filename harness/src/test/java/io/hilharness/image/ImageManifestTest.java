package io.hilharness.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImageManifestTest {
    @TempDir
    Path dir;

    private Path write(String text) throws Exception {
        Path file = dir.resolve("manifest.yaml");
        Files.writeString(file, text);
        return file;
    }

    private static final String GOOD = """
            name: lab-ca
            cert_chain: certs/chain.pem
            private_key: certs/key.pem
            content_dir: content
            port: 8443
            trust: certs/ca.pem
            pki:
              kind: lab-ca
              ips: [127.0.0.1]
            """;

    @Test
    void readsTheShippedImages() throws Exception {
        ProjectLayout layout = ProjectLayout.locate();
        for (String name : layout.imageNames()) {
            ImageManifest manifest = ImageManifest.read(layout.imageSource(name).resolve(ImageManifest.FILE_NAME));
            assertEquals(name, manifest.name());
            assertEquals("/dashboard.html", manifest.page());
        }
        assertTrue(layout.imageNames().containsAll(java.util.List.of("selfsigned", "lab-ca", "good", "pathlen0", "tiny-heap",
                "boot-race", "leak", "partial-write", "hang")));
    }

    @Test
    void readsAGoodManifestWithDefaults() throws Exception {
        ImageManifest manifest = ImageManifest.read(write(GOOD));
        assertEquals("board", manifest.logFormat());
        assertEquals("/style.css", manifest.stylesheet());
        assertEquals(java.util.List.of("127.0.0.1"), manifest.pki().ips());
    }

    @Test
    void anLwipImageIsReadAsLwipsOwnLogUnlessItSaysOtherwise() throws Exception {
        assertEquals("lwip", ImageManifest.read(write(GOOD + "board: lwip\n")).logFormat());
        assertEquals("mbedtls", ImageManifest.read(write(GOOD + "board: lwip\nlog_format: mbedtls\n")).logFormat());
    }

    @Test
    void anUnknownKeyNamesFileLineAndField() throws Exception {
        Path file = write(GOOD + "max_sesions: 2\n");
        ManifestException e = assertThrows(ManifestException.class, () -> ImageManifest.read(file));
        assertTrue(e.getMessage().contains(file.toString()), e.getMessage());
        assertTrue(e.getMessage().contains(":10"), e.getMessage());
        assertTrue(e.getMessage().contains("'max_sesions'"), e.getMessage());
    }

    @Test
    void aWrongTypeNamesTheField() throws Exception {
        ManifestException e = assertThrows(ManifestException.class,
                () -> ImageManifest.read(write(GOOD.replace("port: 8443", "port: eighty"))));
        assertTrue(e.getMessage().contains("'port'"), e.getMessage());
        assertTrue(e.getMessage().contains(":5"), e.getMessage());
    }

    @Test
    void aMissingRequiredKeyIsNamed() throws Exception {
        ManifestException e = assertThrows(ManifestException.class,
                () -> ImageManifest.read(write(GOOD.replace("private_key: certs/key.pem\n", ""))));
        assertTrue(e.getMessage().contains("private_key"), e.getMessage());
    }

    @Test
    void badValuesAreNamed() throws Exception {
        ManifestException format = assertThrows(ManifestException.class,
                () -> ImageManifest.read(write(GOOD + "log_format: syslog\n")));
        assertTrue(format.getMessage().contains("'log_format'"), format.getMessage());
        ManifestException pki = assertThrows(ManifestException.class,
                () -> ImageManifest.read(write(GOOD.replace("kind: lab-ca", "kind: letsencrypt"))));
        assertTrue(pki.getMessage().contains("'pki.kind'"), pki.getMessage());
    }

    @Test
    void brokenYamlAndMissingFilesGetOneClearMessage() throws Exception {
        ManifestException yaml = assertThrows(ManifestException.class,
                () -> ImageManifest.read(write("name: [unclosed\n")));
        assertTrue(yaml.getMessage().startsWith(dir.resolve("manifest.yaml").toString()), yaml.getMessage());
        ManifestException missing = assertThrows(ManifestException.class,
                () -> ImageManifest.read(dir.resolve("nope.yaml")));
        assertTrue(missing.getMessage().endsWith("no such file"), missing.getMessage());
        ManifestException empty = assertThrows(ManifestException.class, () -> ImageManifest.read(write("")));
        assertTrue(empty.getMessage().contains("empty"), empty.getMessage());
    }

    @Test
    void readsTheScenarioSettingsAndLeavesThemOffWhenAbsent() throws Exception {
        ImageManifest off = ImageManifest.read(write(GOOD));
        assertNull(off.certLoadDelayMsMax());
        assertNull(off.heapBytes());
        assertNull(off.partialWriteBug());
        ImageManifest on = ImageManifest.read(write(GOOD + """
                cert_load_delay_ms_max: 1500
                heap_bytes: 56000
                leak_bytes_per_connection: 4096
                partial_write_bug: true
                hang_after_connections: 6
                """));
        assertEquals(1500, on.certLoadDelayMsMax());
        assertEquals(56000, on.heapBytes());
        assertEquals(4096, on.leakBytesPerConnection());
        assertEquals(Boolean.TRUE, on.partialWriteBug());
        assertEquals(6, on.hangAfterConnections());
    }

    @Test
    void scenarioValuesTheFirmwareWouldRefuseAreNamedWithTheirLine() throws Exception {
        ManifestException negative = assertThrows(ManifestException.class,
                () -> ImageManifest.read(write(GOOD + "hang_after_connections: -1\n")));
        assertTrue(negative.getMessage().contains(":10: field 'hang_after_connections'"), negative.getMessage());
        ManifestException tooLong = assertThrows(ManifestException.class,
                () -> ImageManifest.read(write(GOOD + "cert_load_delay_ms_max: 700000\n")));
        assertTrue(tooLong.getMessage().contains("'cert_load_delay_ms_max'"), tooLong.getMessage());
        ManifestException notBool = assertThrows(ManifestException.class,
                () -> ImageManifest.read(write(GOOD + "partial_write_bug: sometimes\n")));
        assertTrue(notBool.getMessage().contains("'partial_write_bug'"), notBool.getMessage());
        ManifestException leakAlone = assertThrows(ManifestException.class,
                () -> ImageManifest.read(write(GOOD + "leak_bytes_per_connection: 4096\n")));
        assertTrue(leakAlone.getMessage().contains("needs heap_bytes"), leakAlone.getMessage());
    }

    @Test
    void acceptsEveryPkiKindAndNamesTheLineOfAnUnknownOne() throws Exception {
        for (String kind : PkiSpec.KINDS) {
            assertEquals(kind, ImageManifest.read(write(GOOD.replace("kind: lab-ca", "kind: " + kind))).pki().kind());
        }
        ManifestException e = assertThrows(ManifestException.class,
                () -> ImageManifest.read(write(GOOD.replace("kind: lab-ca", "kind: pathlen1"))));
        assertTrue(e.getMessage().contains(":8: field 'pki.kind'"), e.getMessage());
        assertTrue(e.getMessage().contains("pathlen0"), e.getMessage());
    }
}
