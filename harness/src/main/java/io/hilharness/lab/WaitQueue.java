package io.hilharness.lab;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.hilharness.json.Json;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * The line of waiters for boards on this host: one ticket file per waiter in {@code LOCKDIR/queue},
 * numbered in arrival order from a counter file. A waiter holds an OS lock on its ticket while it
 * waits, so the ticket of a waiter that died (kill -9) is recognised and removed by the next look,
 * and a waiter stopped cleanly deletes its own.
 */
final class WaitQueue {
    static final String DIR = "queue";
    private static final String SUFFIX = ".ticket";
    /**
     * Tickets of this JVM, never opened a second time: closing any descriptor of a file drops every lock
     * the process holds on it (POSIX locks are per process), so reading one's own ticket would leave the line.
     */
    private static final Map<Path, TicketFile> MINE = new ConcurrentHashMap<>();
    /** The counter's OS lock cannot keep threads of this JVM apart. */
    private static final Object COUNTER = new Object();

    private WaitQueue() {
    }

    /** What a ticket says: who waits, since when, for which boards. */
    record TicketFile(@JsonProperty("seq") long seq, @JsonProperty("holder") LockHolder holder,
                      @JsonProperty("boards") List<String> boards) {
    }

    /** A place in the line, held until closed. */
    static final class Ticket implements AutoCloseable {
        private final TicketFile content;
        private final Path file;
        private final FileChannel channel;
        private final FileLock lock;

        private Ticket(TicketFile content, Path file, FileChannel channel, FileLock lock) {
            this.content = content;
            this.file = file;
            this.channel = channel;
            this.lock = lock;
        }

        long seq() {
            return content.seq();
        }

        Path file() {
            return file;
        }

        @Override
        public void close() throws IOException {
            try {
                Files.deleteIfExists(file);
                lock.release();
                channel.close();
            } finally {
                MINE.remove(file);
            }
            ring(file.getParent().getParent());
        }
    }

    /** Joins the end of the line for any of {@code boards}. */
    static Ticket enter(Path lockDir, LockHolder me, List<String> boards) throws IOException {
        Path dir = Files.createDirectories(lockDir.resolve(DIR));
        SharedLockFolder.shareLike(lockDir, dir);
        long seq = nextNumber(dir);
        TicketFile content = new TicketFile(seq, me, List.copyOf(boards));
        // Written and locked under a temporary name, then renamed: a reader never sees a half-written ticket.
        Path temp = Files.createTempFile(dir, "joining-", ".tmp", SharedLockFolder.READABLE);
        FileChannel channel = FileChannel.open(temp, StandardOpenOption.READ, StandardOpenOption.WRITE);
        try {
            FileLock lock = channel.lock();
            channel.write(ByteBuffer.wrap(Json.mapper().writeValueAsBytes(content)), 0);
            channel.force(true);
            Path file = dir.resolve(String.format("%019d%s", seq, SUFFIX));
            MINE.put(file, content);
            Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE);
            return new Ticket(content, file, channel, lock);
        } catch (IOException | RuntimeException e) {
            channel.close();
            Files.deleteIfExists(temp);
            throw e;
        }
    }

    /** The live tickets before {@code mine} that want a board {@code mine} wants, first in line first. */
    static List<TicketFile> ahead(Path lockDir, Ticket mine) throws IOException {
        List<TicketFile> ahead = new ArrayList<>();
        for (TicketFile other : live(lockDir)) {
            if (other.seq() < mine.seq() && !Collections.disjoint(other.boards(), mine.content.boards())) {
                ahead.add(other);
            }
        }
        return ahead;
    }

    /** Every live ticket in arrival order; dead waiters' tickets are removed on the way. */
    static List<TicketFile> live(Path lockDir) throws IOException {
        Path dir = lockDir.resolve(DIR);
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        List<Path> files;
        try (Stream<Path> list = Files.list(dir)) {
            files = list.filter(p -> p.getFileName().toString().endsWith(SUFFIX)).sorted().toList();
        }
        List<TicketFile> live = new ArrayList<>();
        for (Path file : files) {
            readIfLive(file).ifPresent(live::add);
        }
        return live;
    }

    private static Optional<TicketFile> readIfLive(Path file) throws IOException {
        TicketFile mine = MINE.get(file);
        if (mine != null) {
            return Optional.of(mine);
        }
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            FileLock probe;
            try {
                probe = channel.tryLock(0, Long.MAX_VALUE, true);
            } catch (OverlappingFileLockException e) {
                probe = null; // a thread of this JVM has just put it in place
            }
            if (probe != null) {
                probe.release();
                Files.deleteIfExists(file); // its waiter died without leaving the line
                return Optional.empty();
            }
            ByteBuffer buf = ByteBuffer.allocate((int) channel.size());
            while (buf.hasRemaining() && channel.read(buf) >= 0) {
                // read it whole
            }
            return Optional.of(Json.mapper().readValue(buf.array(), TicketFile.class));
        } catch (NoSuchFileException e) {
            return Optional.empty(); // its waiter left meanwhile
        } catch (AccessDeniedException e) {
            return Optional.empty(); // a foreign file in the line's folder
        }
    }

    /** Wakes the waiters (they watch the folder): a board was released or a waiter left. */
    static void ring(Path lockDir) {
        Path dir = lockDir.resolve(DIR);
        if (!Files.isDirectory(dir)) {
            return; // nobody has ever waited here
        }
        try {
            Files.delete(Files.createTempFile(dir, "bell-", ".tmp"));
        } catch (IOException e) {
            // Waiters also look on their own every little while: a missed bell only delays them.
        }
    }

    private static long nextNumber(Path dir) throws IOException {
        synchronized (COUNTER) {
            Path counter = dir.resolve("sequence");
            try (FileChannel channel = FileChannel.open(counter, StandardOpenOption.CREATE,
                    StandardOpenOption.READ, StandardOpenOption.WRITE);
                 FileLock ignored = channel.lock()) {
                SharedLockFolder.shareLike(dir, counter);
                ByteBuffer buf = ByteBuffer.allocate(32);
                channel.read(buf, 0);
                String text = new String(buf.array(), 0, buf.position(), StandardCharsets.US_ASCII).trim();
                long next = text.isEmpty() ? 1 : Long.parseLong(text) + 1;
                channel.truncate(0);
                channel.write(ByteBuffer.wrap(Long.toString(next).getBytes(StandardCharsets.US_ASCII)), 0);
                channel.force(true);
                return next;
            }
        }
    }
}
