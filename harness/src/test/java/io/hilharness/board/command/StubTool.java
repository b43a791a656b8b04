package io.hilharness.board.command;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;

/**
 * A stand-in for a flash or power tool, written by a test: it records every argument it was called with
 * (one call per line group) and exits with a chosen code, or hangs like a tool waiting for a probe.
 */
public final class StubTool {
    private final Path executable;
    private final Path calls;
    private final Path childPid;

    private StubTool(Path executable, Path calls, Path childPid) {
        this.executable = executable;
        this.calls = calls;
        this.childPid = childPid;
    }

    public static StubTool exiting(Path dir, String name, int exitCode) throws IOException {
        return write(dir, name, "echo \"$0 done\"\necho \"Error: stub says exit " + exitCode + "\" >&2\nexit " + exitCode + "\n");
    }

    /** Hangs in a child process (as a tool with a helper would), so a timeout must kill the whole tree. */
    public static StubTool hanging(Path dir, String name) throws IOException {
        return write(dir, name, "sleep 300 &\necho $! > \"" + dir.resolve(name + ".child") + "\"\nwait\n");
    }

    private static StubTool write(Path dir, String name, String body) throws IOException {
        Files.createDirectories(dir);
        Path exe = dir.resolve(name);
        Path calls = dir.resolve(name + ".calls");
        String script = "#!/bin/sh\n"
                + "{ for a in \"$@\"; do printf '%s\\n' \"$a\"; done; echo '--'; } >> \"" + calls + "\"\n"
                + body;
        Files.writeString(exe, script);
        Files.setPosixFilePermissions(exe, PosixFilePermissions.fromString("rwx------"));
        return new StubTool(exe, calls, dir.resolve(name + ".child"));
    }

    public String path() {
        return executable.toString();
    }

    /** The argument vectors of every call so far, without the program name. */
    public List<List<String>> calls() throws IOException {
        List<List<String>> out = new ArrayList<>();
        if (!Files.exists(calls)) {
            return out;
        }
        List<String> current = new ArrayList<>();
        for (String line : Files.readAllLines(calls)) {
            if (line.equals("--")) {
                out.add(current);
                current = new ArrayList<>();
            } else {
                current.add(line);
            }
        }
        return out;
    }

    /** Pid of the hanging stub's child, once it started. */
    public long childPid() throws IOException {
        return Long.parseLong(Files.readString(childPid).strip());
    }

    public boolean childStarted() {
        return Files.exists(childPid);
    }
}
