package io.hilharness.board;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hilharness.board.host.FolderFlasher;
import io.hilharness.board.host.HostBoardFolder;
import io.hilharness.image.FirmwareImage;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FolderFlasherTest {
    @TempDir
    Path tmp;

    private FirmwareImage image(String name, String binaryText) throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("images").resolve(name));
        Files.writeString(dir.resolve("manifest.yaml"), """
                name: %s
                cert_chain: certs/chain.pem
                private_key: certs/key.pem
                content_dir: content
                """.formatted(name));
        Files.writeString(dir.resolve(FirmwareImage.BINARY_NAME), binaryText);
        Files.createDirectories(dir.resolve("content"));
        Files.writeString(dir.resolve("content/index.html"), "<p>" + name + "</p>");
        return FirmwareImage.load(dir);
    }

    @Test
    void flashingWritesTheInactiveSlotVerifiesItAndSwitchesTheLink() throws Exception {
        HostBoardFolder board = new HostBoardFolder(Files.createDirectories(tmp.resolve("board")));
        FolderFlasher flasher = new FolderFlasher(board);

        flasher.flash(image("one", "binary one"));
        Path firstSlot = Files.readSymbolicLink(board.flashLink());
        assertEquals("binary one", Files.readString(board.flashLink().resolve(FirmwareImage.BINARY_NAME)));

        flasher.flash(image("two", "binary two"));
        Path secondSlot = Files.readSymbolicLink(board.flashLink());
        assertNotEquals(firstSlot, secondSlot, "the running slot must not be overwritten");
        assertEquals("binary two", Files.readString(board.flashLink().resolve(FirmwareImage.BINARY_NAME)));
        assertEquals("<p>two</p>", Files.readString(board.flashLink().resolve("content/index.html")));

        flasher.flash(image("three", "binary three"));
        assertEquals(firstSlot, Files.readSymbolicLink(board.flashLink()));
        assertTrue(Files.notExists(board.dir().resolve("flash.new")));
        assertEquals(FirmwareImage.load(tmp.resolve("images/three")).contentDigests(),
                FirmwareImage.load(board.flashLink()).contentDigests());
    }
}
