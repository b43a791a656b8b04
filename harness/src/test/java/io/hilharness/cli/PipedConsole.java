package io.hilharness.cli;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine;

/**
 * {@code hil console ...} in this JVM as from a shell pipe: lines go to its standard input while it runs,
 * and what it shows can be read as it comes. Standard input and output are the process's own, so one at
 * a time; they are restored on close.
 */
final class PipedConsole implements AutoCloseable {
    private static final Duration END_TIMEOUT = Duration.ofSeconds(30);

    private final PipedOutputStream typed = new PipedOutputStream();
    private final ByteArrayOutputStream shown = new ByteArrayOutputStream();
    private final StringWriter err = new StringWriter();
    private final ExecutorService thread = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "hil-console-under-test");
        t.setDaemon(true);
        return t;
    });
    private final InputStream savedIn = System.in;
    private final PrintStream savedOut = System.out;
    private final Future<Integer> exit;

    PipedConsole(String... args) throws IOException {
        PipedInputStream in = new PipedInputStream(typed, 64 * 1024);
        System.setIn(in);
        System.setOut(new PrintStream(shown, true, StandardCharsets.UTF_8));
        CommandLine cli = HilCli.commandLine();
        cli.setErr(new PrintWriter(err, true));
        exit = thread.submit(() -> cli.execute(args));
    }

    /** Types one line (Enter included). */
    void type(String line) throws IOException {
        typed.write((line + "\n").getBytes(StandardCharsets.UTF_8));
        typed.flush();
    }

    /** What it printed to standard output so far: board lines, [hil] lines. */
    String shown() {
        return shown.toString(StandardCharsets.UTF_8);
    }

    String err() {
        return err.toString();
    }

    boolean ended() {
        return exit.isDone();
    }

    /** Ends the input (as the end of a pipe does) and waits for the exit code. */
    int exitCode() throws Exception {
        typed.close();
        return exit.get(END_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
    }

    @Override
    public void close() throws Exception {
        try {
            exitCode();
        } finally {
            thread.shutdownNow();
            System.setIn(savedIn);
            System.setOut(savedOut);
        }
    }
}
