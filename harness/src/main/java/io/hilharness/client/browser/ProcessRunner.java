package io.hilharness.client.browser;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs short helper commands (certutil) with a deadline, and kills whole process trees. */
final class ProcessRunner {
    static final Duration SHORT = Duration.ofSeconds(30);

    private ProcessRunner() {
    }

    /** Runs a command to its end; a non-zero exit or a missed deadline is an IOException naming the command. */
    static String run(List<String> command, Duration deadline) throws IOException, InterruptedException {
        // Output goes to a file, so a hung command cannot block us on a pipe: only the deadline waits.
        Path output = Files.createTempFile("hil-cmd", ".out");
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(output.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))).start();
        try {
            if (!process.waitFor(deadline.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new IOException(String.join(" ", command) + " did not finish within " + deadline.toSeconds() + " s");
            }
            String text = new String(Files.readAllBytes(output), StandardCharsets.UTF_8);
            if (process.exitValue() != 0) {
                throw new IOException(String.join(" ", command) + " failed with exit code " + process.exitValue()
                        + ": " + text.strip());
            }
            return text;
        } finally {
            killTree(process.toHandle());
            Files.deleteIfExists(output);
        }
    }

    /**
     * Kills a process and everything it started: Chromium forks renderer, GPU and network processes
     * that would outlive the browser process (and keep sockets open) if only it were killed.
     */
    static void killTree(ProcessHandle root) throws InterruptedException {
        List<ProcessHandle> tree = new java.util.ArrayList<>(root.descendants().toList());
        tree.add(root);
        tree.forEach(ProcessHandle::destroyForcibly);
        for (ProcessHandle p : tree) {
            try {
                p.onExit().get(10, TimeUnit.SECONDS);
            } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
                // a process that survives SIGKILL for 10 s is beyond our reach; the next round still starts fresh
            }
        }
    }
}
