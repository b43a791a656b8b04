package io.hilharness.lab;

import io.hilharness.json.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;

/**
 * Boards' health beside their locks ({@code LOCKDIR/NAME.health.json}), so every user of the host sees
 * the same maintenance state. Written only by the holder of the board's lock (a campaign, a health
 * check), hence no lock of its own; written whole and renamed into place, so a reader never sees half.
 */
public final class HealthStore {
    private static final int MAX_REASON = 300;

    private final Path lockDir;
    private final HealthPolicy policy;

    public HealthStore(Path lockDir, HealthPolicy policy) {
        this.lockDir = lockDir;
        this.policy = policy;
    }

    public static HealthStore of(LabConfig lab) {
        return new HealthStore(lab.lockDir(), lab.health());
    }

    public BoardHealth read(String board) throws IOException {
        try {
            return Json.mapper().readValue(Files.readString(file(board)), BoardHealth.class);
        } catch (NoSuchFileException e) {
            return BoardHealth.inService();
        } catch (IOException e) {
            throw new IOException(file(board) + ": unreadable health record (delete it to start afresh): " + e.getMessage(), e);
        }
    }

    /** A campaign whose flash or boot failed; returns the board's health after it. */
    public BoardHealth recordFailure(String board, String run, String reason) throws IOException {
        BoardHealth after = read(board).failed(new BoardHealth.Failure(Instant.now(), run, oneLine(reason)), policy.threshold());
        write(board, after);
        return after;
    }

    /** A campaign that flashed and booted: the streak ends; maintenance stays until a health check passes. */
    public void recordSuccess(String board) throws IOException {
        BoardHealth before = read(board);
        if (!before.streak().isEmpty()) {
            write(board, new BoardHealth(java.util.List.of(), before.maintenance()));
        }
    }

    /** A passing health check: back in service with a clean slate. */
    public void returnToService(String board) throws IOException {
        write(board, BoardHealth.inService());
    }

    /** A tool's error can span lines; hil boards shows it on one, and the run folder has all of it. */
    private static String oneLine(String reason) {
        String line = String.valueOf(reason).strip().replaceAll("\\s*\\R\\s*", " | ");
        return line.length() <= MAX_REASON ? line : line.substring(0, MAX_REASON) + "...";
    }

    public HealthPolicy policy() {
        return policy;
    }

    private void write(String board, BoardHealth health) throws IOException {
        Files.createDirectories(lockDir);
        Path target = file(board);
        Path temp = Files.createTempFile(lockDir, target.getFileName().toString(), ".tmp", SharedLockFolder.READABLE);
        try {
            Files.write(temp, Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsBytes(health));
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    Path file(String board) {
        return lockDir.resolve(BoardLock.fileStem(board) + ".health.json");
    }
}
