package io.hilharness.run;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.EnumSet;
import java.util.List;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/** A campaign's output folder: raw console capture, journal, summary and timeline side by side. */
public record RunFolder(Path dir) {
    /** What {@link #compress()} appends to a file's name. */
    public static final String GZIP = ".gz";
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");
    /**
     * Less free space than this and a campaign is refused before it starts: the reference board's flash
     * copy takes 2 MB while it runs, and a chatty board's console some 30 KB per round, so a run would
     * fill the disk within a few hundred rounds. Better one clear line now than a disk-full stop later.
     */
    public static final long MIN_FREE_BYTES = 8L * 1024 * 1024;

    /** Creates a new, unique folder under {@code parent}; fails early if it cannot be written. */
    public static RunFolder create(Path parent, String label) throws IOException {
        return create(parent, label, Clock.systemDefaultZone());
    }

    /** {@link #create(Path, String)} with the clock that stamps the name (tests fix it). */
    static RunFolder create(Path parent, String label, Clock clock) throws IOException {
        try {
            Files.createDirectories(parent);
        } catch (IOException e) {
            throw new IOException("cannot create run folders under " + parent + ": " + why(e), e);
        }
        if (!Files.isWritable(parent)) {
            throw new IOException("cannot create run folders under " + parent + ": not writable");
        }
        long free = Files.getFileStore(parent).getUsableSpace();
        if (free < MIN_FREE_BYTES) {
            throw new IOException(String.format(java.util.Locale.ROOT,
                    "not enough free space for a run under %s: %.1f MB free, a campaign needs at least %d MB",
                    parent, free / (1024.0 * 1024.0), MIN_FREE_BYTES / (1024 * 1024)));
        }
        String base = STAMP.format(LocalDateTime.now(clock)) + "-" + label.replaceAll("[^A-Za-z0-9._-]", "_");
        for (int n = 1; ; n++) {
            Path dir = parent.resolve(n == 1 ? base : base + "-" + n);
            try {
                Files.createDirectory(dir);
                return new RunFolder(dir);
            } catch (FileAlreadyExistsException taken) {
                // two runs in the same second: take the next suffix
            } catch (IOException e) {
                throw new IOException("cannot create run folder " + dir + ": " + why(e), e);
            }
        }
    }

    /** The JDK's file system exceptions often carry only the path; say what went wrong. */
    public static String why(IOException e) {
        if (e instanceof FileAlreadyExistsException) {
            return "exists and is not a folder";
        }
        if (e instanceof java.nio.file.AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof java.nio.file.NoSuchFileException) {
            return "no such file or directory";
        }
        if (e instanceof java.nio.file.FileSystemException fs) {
            return fs.getReason() != null ? fs.getReason() : "the file system refuses it (" + e.getClass().getSimpleName() + ")";
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    public Path consoleCapture() {
        return dir.resolve("console.raw");
    }

    public Path journal() {
        return dir.resolve("journal.jsonl");
    }

    public Path summaryText() {
        return dir.resolve("summary.txt");
    }

    public Path summaryJson() {
        return dir.resolve("summary.json");
    }

    public Path timeline() {
        return dir.resolve("timeline.json");
    }

    public Path diagnosisJson() {
        return dir.resolve("diagnosis.json");
    }

    public Path diagnosisText() {
        return dir.resolve("diagnosis.txt");
    }

    public Path boardDir() {
        return dir.resolve("board");
    }

    /**
     * {@code file} as the run folder keeps it: the file itself, or its gzip once the run was compressed
     * ({@link #compress()}). The plain file wins: a compression cut short leaves it whole.
     */
    public static Path stored(Path file) {
        Path gzip = file.resolveSibling(file.getFileName() + GZIP);
        return !Files.exists(file) && Files.isRegularFile(gzip) ? gzip : file;
    }

    /** Reads a {@link #stored} file, decompressing a gzip. */
    public static InputStream open(Path stored) throws IOException {
        InputStream in = new BufferedInputStream(Files.newInputStream(stored), 1 << 16);
        try {
            return stored.getFileName().toString().endsWith(GZIP) ? new GZIPInputStream(in, 1 << 16) : in;
        } catch (IOException notGzip) {
            in.close();
            throw new IOException(stored + ": not a gzip file: " + why(notGzip), notGzip);
        }
    }

    /**
     * Compresses the console capture and the journal (gzip, which every user can open), once the run is
     * over and its reports are written: the two are most of a run folder, and the harness's readers
     * ({@code hil report}, {@code hil diagnose}, {@code hil analyze}) take them as they are. Each file is
     * compressed beside itself, synced, then moved into place, and only then is the original removed, so
     * a run killed meanwhile keeps one whole copy.
     */
    public void compress() throws IOException {
        for (Path file : List.of(consoleCapture(), journal())) {
            if (Files.isRegularFile(file)) {
                gzip(file);
            }
        }
    }

    private static void gzip(Path file) throws IOException {
        Path target = file.resolveSibling(file.getFileName() + GZIP);
        Path temp = file.resolveSibling(file.getFileName() + GZIP + ".tmp");
        try {
            Files.deleteIfExists(temp);
            // Owner-only, as the capture it holds: a debug build may print keys.
            try (FileChannel channel = FileChannel.open(temp, EnumSet.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE),
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
                 GZIPOutputStream out = new GZIPOutputStream(Channels.newOutputStream(channel), 1 << 16)) {
                Files.copy(file, out);
                out.finish();
                channel.force(true);
            }
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
            Files.delete(file);
        } catch (IOException e) {
            Files.deleteIfExists(temp);
            throw new IOException("cannot compress " + file + ": " + why(e), e);
        }
    }
}
