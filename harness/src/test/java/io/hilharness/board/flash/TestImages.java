package io.hilharness.board.flash;

import io.hilharness.image.FirmwareImage;
import io.hilharness.image.ImageManifest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** A minimal image folder holding one firmware file, for flasher tests. */
public final class TestImages {
    private TestImages() {
    }

    public static FirmwareImage withFile(Path dir, String file, byte[] content) throws IOException {
        Files.createDirectories(dir);
        Files.write(dir.resolve(file), content);
        return new FirmwareImage(dir, new ImageManifest("test-image", "certs/chain.pem", "certs/key.pem", "content",
                null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null));
    }
}
