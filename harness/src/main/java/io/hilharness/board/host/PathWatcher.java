package io.hilharness.board.host;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchService;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/** Waits for a path to appear by watching its folder (inotify on Linux) instead of sleeping in a loop. */
final class PathWatcher {
    private PathWatcher() {
    }

    /**
     * @param stillWorthWaiting checked on every wake-up; waiting stops early when it turns false
     *                          (e.g. the process that should create the path has died)
     * @return true when the path exists (a symlink counts even before its target is ready)
     */
    static boolean awaitExists(Path path, Duration timeout, BooleanSupplier stillWorthWaiting)
            throws IOException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        try (WatchService watcher = FileSystems.getDefault().newWatchService()) {
            path.getParent().register(watcher, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_MODIFY);
            while (true) {
                if (Files.exists(path, LinkOption.NOFOLLOW_LINKS) && Files.exists(path)) {
                    return true;
                }
                long left = deadline - System.nanoTime();
                if (left <= 0 || !stillWorthWaiting.getAsBoolean()) {
                    return false;
                }
                // The short cap re-checks liveness of the creator; events normally wake us first.
                var key = watcher.poll(Math.min(left, TimeUnit.MILLISECONDS.toNanos(200)), TimeUnit.NANOSECONDS);
                if (key != null) {
                    key.pollEvents();
                    key.reset();
                }
            }
        }
    }
}
