package io.hilharness.console;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A console behind a command whose standard input and output are the board's console: LAVA's
 * connection command ({@code telnet HOST PORT} to ser2net), {@code ssh console-server}, a
 * {@code socat} bridge. Opening runs the command; a command that ends is a console gone, and opening
 * again runs it again, so the console reconnects as a serial one does. What the command writes on its
 * standard error (telnet's "Connection refused") goes to the harness's own.
 */
public final class CommandConsoleTransport implements ConsoleTransport {
    private static final long READ_WAIT_MS = 100;
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(5);
    /** Queued after the command's last output: the console is gone. */
    private static final byte[] END = new byte[0];

    private final List<String> argv;
    private volatile Process process;
    private volatile BlockingQueue<byte[]> output;
    private Thread pump;
    private byte[] pending = END;
    private int pendingOffset;

    /** @param argv the command as an argument vector, e.g. {@code [sh, -c, "telnet 127.0.0.1 7001"]} */
    public CommandConsoleTransport(List<String> argv) {
        if (argv.isEmpty()) {
            throw new IllegalArgumentException("empty console command");
        }
        this.argv = List.copyOf(argv);
    }

    /** A command line as LAVA gives it: one string for {@code sh -c}, so quoting and {@code &&} work. */
    public static CommandConsoleTransport shell(String commandLine) {
        return new CommandConsoleTransport(List.of("sh", "-c", commandLine));
    }

    @Override
    public void open() throws IOException {
        close();
        Process started = new ProcessBuilder(argv).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        BlockingQueue<byte[]> queue = new LinkedBlockingQueue<>();
        // A pipe cannot be read with a timeout: one thread blocks on it so read() can wait at most READ_WAIT_MS.
        Thread reader = new Thread(() -> drain(started.getInputStream(), queue), "hil-console-command");
        reader.setDaemon(true);
        reader.start();
        process = started;
        output = queue;
        pump = reader;
        pending = END;
        pendingOffset = 0;
    }

    private static void drain(InputStream in, BlockingQueue<byte[]> queue) {
        byte[] buf = new byte[8192];
        try (in) {
            int n;
            while ((n = in.read(buf)) > 0) {
                queue.add(Arrays.copyOf(buf, n));
            }
        } catch (IOException closed) {
            // the command was stopped: its output ends here
        } finally {
            queue.add(END);
        }
    }

    @Override
    public int read(byte[] buf) throws IOException {
        BlockingQueue<byte[]> queue = output;
        if (queue == null) {
            return -1;
        }
        if (pendingOffset >= pending.length) {
            byte[] next;
            try {
                next = queue.poll(READ_WAIT_MS, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return 0;
            }
            if (next == null) {
                return 0;
            }
            if (next == END) {
                queue.add(END); // every later read says "gone" too
                return -1;
            }
            pending = next;
            pendingOffset = 0;
        }
        int n = Math.min(buf.length, pending.length - pendingOffset);
        System.arraycopy(pending, pendingOffset, buf, 0, n);
        pendingOffset += n;
        return n;
    }

    @Override
    public void write(byte[] data) throws IOException {
        Process p = process;
        if (p == null || !p.isAlive()) {
            throw new IOException("console " + describe() + " is not running");
        }
        OutputStream in = p.getOutputStream();
        in.write(data);
        in.flush();
    }

    /** A command's pipe has no BREAK (telnet would need its escape prompt, which is not part of the board's stream). */
    @Override
    public boolean sendBreak(Duration duration) {
        return false;
    }

    @Override
    public String describe() {
        return "command " + (argv.size() == 3 && argv.get(0).equals("sh") && argv.get(1).equals("-c")
                ? argv.get(2) : String.join(" ", argv));
    }

    /** Stops the command and whatever it started (telnet under {@code sh -c}). */
    @Override
    public void close() throws IOException {
        Process p = process;
        process = null;
        if (p == null) {
            return;
        }
        p.descendants().forEach(ProcessHandle::destroyForcibly);
        p.destroyForcibly();
        try {
            p.waitFor(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            Thread reader = pump;
            if (reader != null) {
                reader.join(STOP_TIMEOUT.toMillis());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public String toString() {
        return describe();
    }
}
