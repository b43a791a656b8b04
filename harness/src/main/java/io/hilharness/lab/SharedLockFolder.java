package io.hilharness.lab;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumSet;
import java.util.Set;

/**
 * What the harness creates in a lock folder shared by several users (made with {@code install -d -m
 * 1777}) must be writable by them too: the next user opens a lock file, the counter and the line's
 * folder for writing. Files get the folder's group and others write rights; the umask would drop them.
 */
final class SharedLockFolder {
    /** Tickets and health records: every user of the host reads them (temporary files start private). */
    static final FileAttribute<Set<PosixFilePermission>> READABLE =
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-r--r--"));
    private SharedLockFolder() {
    }

    /** Gives {@code created} (a file or folder in {@code lockDir}) the write rights the lock folder gives. */
    static void shareLike(Path lockDir, Path created) {
        try {
            Set<PosixFilePermission> folder = Files.getPosixFilePermissions(lockDir);
            Set<PosixFilePermission> wanted = EnumSet.copyOf(Files.getPosixFilePermissions(created));
            boolean dir = Files.isDirectory(created);
            if (folder.contains(PosixFilePermission.GROUP_WRITE)) {
                wanted.addAll(EnumSet.of(PosixFilePermission.GROUP_READ, PosixFilePermission.GROUP_WRITE));
                if (dir) {
                    wanted.add(PosixFilePermission.GROUP_EXECUTE);
                }
            }
            if (folder.contains(PosixFilePermission.OTHERS_WRITE)) {
                wanted.addAll(EnumSet.of(PosixFilePermission.OTHERS_READ, PosixFilePermission.OTHERS_WRITE));
                if (dir) {
                    wanted.add(PosixFilePermission.OTHERS_EXECUTE);
                }
            }
            if (!wanted.equals(Files.getPosixFilePermissions(created))) {
                Files.setPosixFilePermissions(created, wanted);
            }
        } catch (IOException | UnsupportedOperationException e) {
            // Someone else's file (they shared it when they made it), or a file system without POSIX rights.
        }
    }
}
