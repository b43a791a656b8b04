package io.hilharness.console;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

class RawCaptureTest {

    @TempDir
    Path dir;

    @Test
    void createdOwnerOnlyAndBytesAreOnDiskAfterEachAppend() throws Exception {
        Path file = dir.resolve("runs/1/console.raw");
        try (RawCapture c = RawCapture.open(file)) {
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
            assertEquals(0, c.append(new byte[] {1, 2, 3}, 0, 3));
            // Visible to another reader before close: a killed harness leaves it behind.
            assertArrayEquals(new byte[] {1, 2, 3}, Files.readAllBytes(file));
            assertEquals(3, c.append(new byte[] {9, 4, 5, 9}, 1, 2));
            assertEquals(5, c.size());
        }
        assertArrayEquals(new byte[] {1, 2, 3, 4, 5}, Files.readAllBytes(file));
    }

    @Test
    void reopeningAppendsAndOffsetsContinue() throws Exception {
        Path file = dir.resolve("console.raw");
        try (RawCapture c = RawCapture.open(file)) {
            c.append(new byte[] {'a', 'b'}, 0, 2);
        }
        try (RawCapture c = RawCapture.open(file)) {
            assertEquals(2, c.size());
            assertEquals(2, c.append(new byte[] {'c'}, 0, 1));
        }
        assertEquals("abc", Files.readString(file));
    }
}
