package io.hilharness.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalDouble;

/**
 * CPU seconds used by this JVM's finished child processes (the reference boards, once powered off and
 * reaped), from Linux's {@code /proc/self/stat} cutime and cstime. Empty where that file is missing.
 */
final class ChildProcessCpu {
    /** USER_HZ: the unit of the times in /proc/PID/stat, 100 on every Linux the project runs on. */
    private static final double TICKS_PER_SECOND = 100.0;

    private ChildProcessCpu() {
    }

    static OptionalDouble seconds() {
        try {
            String stat = Files.readString(Path.of("/proc/self/stat"));
            // The command name in parentheses may hold spaces: count fields after its closing parenthesis.
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).trim().split(" ");
            // Fields 16 and 17 of the whole line (cutime, cstime) are 14 and 15 after "pid (comm)".
            return OptionalDouble.of((Long.parseLong(fields[13]) + Long.parseLong(fields[14])) / TICKS_PER_SECOND);
        } catch (IOException | RuntimeException e) {
            return OptionalDouble.empty();
        }
    }
}
