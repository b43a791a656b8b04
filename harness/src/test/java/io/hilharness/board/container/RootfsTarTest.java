package io.hilharness.board.container;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hilharness.image.FirmwareImage;
import io.hilharness.image.ImageManifest;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RootfsTarTest {
    @TempDir
    Path dir;

    private FirmwareImage image() throws Exception {
        Path image = Files.createDirectories(dir.resolve("image"));
        Files.writeString(image.resolve("manifest.yaml"),
                "name: demo\ncert_chain: certs/chain.pem\nprivate_key: certs/key.pem\ncontent_dir: content\n");
        Path binary = Files.writeString(image.resolve(FirmwareImage.BINARY_NAME), "firmware");
        Files.setPosixFilePermissions(binary, PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.createDirectories(image.resolve("content"));
        Files.writeString(image.resolve("content/style.css"), "body{}");
        return new FirmwareImage(image, ImageManifest.read(image.resolve(ImageManifest.FILE_NAME)));
    }

    private Path busybox() throws IOException {
        return Files.writeString(dir.resolve("busybox"), "busybox binary");
    }

    private static Map<String, TarArchiveEntry> entries(byte[] tar, Map<String, String> contents) throws IOException {
        Map<String, TarArchiveEntry> entries = new LinkedHashMap<>();
        try (TarArchiveInputStream in = new TarArchiveInputStream(new ByteArrayInputStream(tar))) {
            for (TarArchiveEntry e; (e = in.getNextEntry()) != null; ) {
                entries.put(e.getName(), e);
                if (e.isFile()) {
                    contents.put(e.getName(), new String(in.readAllBytes()));
                }
            }
        }
        return entries;
    }

    @Test
    void holdsBusyboxTheScriptsAndTheImageUnderFlash() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new RootfsTar(busybox()).write(image(), out);

        Map<String, String> contents = new LinkedHashMap<>();
        Map<String, TarArchiveEntry> entries = entries(out.toByteArray(), contents);
        assertEquals("busybox binary", contents.get("bin/busybox"));
        assertEquals("busybox", entries.get("bin/sh").getLinkName());
        assertTrue(contents.get("init").contains("exec /flash/refboard"), contents.get("init"));
        assertTrue(contents.get("console-bridge").contains("/board/console"));
        assertEquals("firmware", contents.get("flash/refboard"));
        assertEquals("body{}", contents.get("flash/content/style.css"));
        assertTrue(entries.get("board/").isDirectory());
        assertEquals(0755, entries.get("flash/refboard").getMode() & 0777);
        assertEquals(0755, entries.get("init").getMode() & 0777);
        assertEquals(0644, entries.get("flash/manifest.yaml").getMode() & 0777);
    }

    @Test
    void theSameImageAlwaysGivesTheSameBytes() throws Exception {
        FirmwareImage image = image();
        ByteArrayOutputStream first = new ByteArrayOutputStream();
        new RootfsTar(busybox()).write(image, first);
        Files.setLastModifiedTime(image.dir().resolve("content/style.css"), java.nio.file.attribute.FileTime.fromMillis(0));
        ByteArrayOutputStream second = new ByteArrayOutputStream();
        new RootfsTar(busybox()).write(image, second);
        assertArrayEquals(first.toByteArray(), second.toByteArray());
    }

    @Test
    void aMissingBusyboxSaysWhichPackageProvidesIt() throws Exception {
        FirmwareImage image = image();
        IOException e = assertThrows(IOException.class,
                () -> new RootfsTar(dir.resolve("nope")).write(image, new ByteArrayOutputStream()));
        assertTrue(e.getMessage().contains("busybox-static"), e.getMessage());
    }

    @Test
    void importTalksToTheEngineInDockerHost() {
        assertEquals(java.util.List.of("podman", "--url", "unix:///run/podman/podman.sock", "import", "--quiet", "/t/r.tar",
                        "localhost/hil-refboard:x-1"),
                LocalImages.importCommand(Path.of("/t/r.tar"), "localhost/hil-refboard:x-1", "unix:///run/podman/podman.sock"));
        assertEquals(java.util.List.of("podman", "import", "--quiet", "/t/r.tar", "localhost/hil-refboard:x-1"),
                LocalImages.importCommand(Path.of("/t/r.tar"), "localhost/hil-refboard:x-1", null));
    }

    @Test
    void imageNamesBecomeValidTagParts() {
        assertEquals("lab-ca", ContainerImageFlasher.safe("lab-ca"));
        assertEquals("my-image_2", ContainerImageFlasher.safe("My Image_2"));
        assertEquals("image--x", ContainerImageFlasher.safe("-x"));
    }
}
