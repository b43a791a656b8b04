package io.hilharness.soak;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** Reads what this JVM holds: heap after a GC, open file descriptors, live threads. */
final class ResourceProbe {
    private static final Path OWN_FDS = Path.of("/proc/self/fd");

    private ResourceProbe() {
    }

    /**
     * Heap used after asking for a full GC: without it the figure is mostly garbage not yet
     * collected and says nothing about what is retained. One GC a minute costs nothing here.
     */
    static long heapAfterGc() {
        System.gc();
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    /** Open descriptors, not counting the one this listing opens itself; -1 without /proc. */
    static int openFds() {
        if (!Files.isDirectory(OWN_FDS)) {
            return -1;
        }
        try (Stream<Path> fds = Files.list(OWN_FDS)) {
            return (int) fds.count() - 1;
        } catch (IOException | UncheckedIOException e) {
            return -1;
        }
    }

    static int threads() {
        return ManagementFactory.getThreadMXBean().getThreadCount();
    }
}
