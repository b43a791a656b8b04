package io.hilharness.board.serial;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** A fake board's UART for tests: socat links a pty at {@code link} to a shell command. */
public final class SocatPty {

    private SocatPty() {
    }

    /** Starts socat with {@code command} run in {@code workDir}, its output in {@code log}; returns once the link exists. */
    public static Process start(Path link, Path workDir, String command, Path log) throws IOException {
        Process socat = new ProcessBuilder(List.of("socat", "pty,raw,echo=0,link=" + link, "SYSTEM:" + command))
                .directory(workDir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        await().atMost(Duration.ofSeconds(10)).until(() -> Files.exists(link));
        return socat;
    }

    /**
     * Stops socat, the command it runs, and removes its link. socat unlinks it when it ends on its own;
     * letting it end first keeps it from racing the temp folder's cleanup over the link, and the command
     * (a shell that writes files in its folder once its line goes) must be gone too: both were cleanup
     * failures seen in CI.
     */
    public static void stop(Process socat, Path link) throws IOException, InterruptedException {
        List<ProcessHandle> command = socat.descendants().toList();
        command.forEach(ProcessHandle::destroyForcibly);
        socat.destroyForcibly();
        socat.waitFor(10, TimeUnit.SECONDS);
        for (ProcessHandle p : command) {
            p.onExit().orTimeout(10, TimeUnit.SECONDS).exceptionally(timedOut -> p).join();
        }
        Files.deleteIfExists(link);
    }
}
