package io.hilharness.lab;

import io.hilharness.json.Json;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Exclusive use of a board for the length of a command: an OS lock (fcntl) on {@code LOCKDIR/NAME.lock},
 * which the kernel releases when the process dies, so a crashed run never leaves a board locked. The
 * file holds the holder's details for the refusal message. The OS lock is per process, so threads of
 * this JVM are kept apart by a registry of locks it holds.
 */
public final class BoardLock implements AutoCloseable {
    private static final ConcurrentHashMap<Path, LockHolder> HELD_HERE = new ConcurrentHashMap<>();

    private final String board;
    private final Path file;
    private final FileChannel channel;
    private final FileLock lock;

    private BoardLock(String board, Path file, FileChannel channel, FileLock lock) {
        this.board = board;
        this.file = file;
        this.channel = channel;
        this.lock = lock;
    }

    /** Takes the board's lock now or fails at once saying who has it; never waits. */
    public static BoardLock acquire(Path lockDir, String board, String command) throws BoardBusyException, IOException {
        Files.createDirectories(lockDir);
        Path file = lockFile(lockDir, board);
        LockHolder me = LockHolder.current(command);
        LockHolder other = HELD_HERE.putIfAbsent(file, me);
        if (other != null) {
            throw busy(board, other);
        }
        FileChannel channel = null;
        try {
            channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
            SharedLockFolder.shareLike(lockDir, file);
            FileLock lock = channel.tryLock();
            if (lock == null) {
                Optional<LockHolder> holder = readHolder(channel);
                channel.close();
                HELD_HERE.remove(file);
                throw holder.map(h -> busy(board, h))
                        .orElseGet(() -> new BoardBusyException("board " + board + " is locked by another process (" + file + ")"));
            }
            channel.truncate(0);
            channel.write(ByteBuffer.wrap(Json.mapper().writeValueAsBytes(me)), 0);
            channel.force(true);
            return new BoardLock(board, file, channel, lock);
        } catch (IOException | RuntimeException e) {
            HELD_HERE.remove(file);
            if (channel != null) {
                channel.close();
            }
            throw e;
        }
    }

    /** Who holds the board right now, if anyone; for {@code hil boards}. Does not take the lock. */
    public static Optional<LockHolder> holder(Path lockDir, String board) {
        Path file = lockFile(lockDir, board);
        LockHolder here = HELD_HERE.get(file);
        if (here != null) {
            return Optional.of(here);
        }
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        // Probe with a shared lock on a second channel: if it is granted, nobody holds the exclusive one.
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            FileLock probe = channel.tryLock(0, Long.MAX_VALUE, true);
            if (probe != null) {
                probe.release();
                return Optional.empty();
            }
            return Optional.of(readHolder(channel).orElse(new LockHolder("?", "?", -1, "unknown", null)));
        } catch (IOException | java.nio.channels.OverlappingFileLockException e) {
            return Optional.empty();
        }
    }

    static Path lockFile(Path lockDir, String board) {
        return lockDir.resolve(fileStem(board) + ".lock");
    }

    /** The board's name as a file name, for its lock and what is kept beside it. */
    static String fileStem(String board) {
        return board.replaceAll("[^A-Za-z0-9._-]", "_");
    }

    private static BoardBusyException busy(String board, LockHolder holder) {
        return new BoardBusyException("board " + board + " is busy: locked by " + holder.describe());
    }

    private static Optional<LockHolder> readHolder(FileChannel channel) {
        try {
            ByteBuffer buf = ByteBuffer.allocate((int) Math.min(channel.size(), 64 * 1024));
            channel.read(buf, 0);
            String text = new String(buf.array(), 0, buf.position(), StandardCharsets.UTF_8);
            return text.isBlank() ? Optional.empty() : Optional.of(Json.mapper().readValue(text, LockHolder.class));
        } catch (IOException e) {
            return Optional.empty(); // the holder is still writing it, or the file is foreign
        }
    }

    public String board() {
        return board;
    }

    public Path file() {
        return file;
    }

    /** Releasing twice is harmless: a reservation and its runner may both let go of a board. */
    @Override
    public void close() throws IOException {
        if (!channel.isOpen()) {
            return;
        }
        try {
            lock.release();
            channel.close();
        } finally {
            HELD_HERE.remove(file);
        }
        WaitQueue.ring(file.getParent()); // waiters take it now, not at their next look
    }
}
