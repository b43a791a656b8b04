package io.hilharness.console;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Append-only file of every byte received from a console, in order and byte-identical, binary garbage
 * included. This file is the evidence; decoded lines only point into it by offset.
 *
 * <p>Each {@link #append} goes straight to the operating system (no Java-side buffer), so a harness that is
 * killed leaves everything it had received on disk. New files are created owner-only (0600) because
 * console logs can contain keys, tokens and passwords printed by debug builds.
 *
 * <p>An existing file is appended to; offsets then continue from its current size. Not thread-safe: one
 * writer (the console's reader thread, or a sender holding its own lock).
 */
public final class RawCapture implements Closeable {

    private final Path file;
    private final FileChannel channel;
    private long size;

    private RawCapture(Path file, FileChannel channel, long size) {
        this.file = file;
        this.channel = channel;
        this.size = size;
    }

    /** Opens {@code file} for appending, creating it with mode 0600 (and its parent folders) if needed. */
    public static RawCapture open(Path file) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        createOwnerOnly(file);
        FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
        return new RawCapture(file, ch, ch.size());
    }

    private static void createOwnerOnly(Path file) throws IOException {
        try {
            // Created with the permissions in one step, so the file is never readable by others, not even briefly.
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (FileAlreadyExistsException e) {
            // Appending to an earlier capture is allowed; its permissions are the owner's business.
        } catch (UnsupportedOperationException e) {
            // Non-POSIX file system: no mode bits to set.
            try {
                Files.createFile(file);
            } catch (FileAlreadyExistsException ignored) {
                // fine, see above
            }
        }
    }

    /**
     * Appends {@code len} bytes and returns the file offset of the first of them.
     */
    public long append(byte[] buf, int off, int len) throws IOException {
        long at = size;
        ByteBuffer bb = ByteBuffer.wrap(buf, off, len);
        while (bb.hasRemaining()) {
            channel.write(bb);
        }
        size += len;
        return at;
    }

    /** Forces what was appended to disk; safe beside the writer (a channel's force and write may overlap). */
    public void force() throws IOException {
        channel.force(false);
    }

    /** Current file size = offset the next appended byte will get. */
    public long size() {
        return size;
    }

    public Path file() {
        return file;
    }

    @Override
    public void close() throws IOException {
        if (channel.isOpen()) {
            // Closing is rare and the moment the evidence should survive a power loss too.
            channel.force(false);
            channel.close();
        }
    }
}
