package io.hilharness.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.function.LongConsumer;

/**
 * A one-line progress bar on stderr while a big log is analyzed, only when a terminal is attached
 * (piped or redirected runs get no carriage-return noise). Redrawn at most every 200 ms.
 */
final class AnalyzeProgress implements LongConsumer {
    private static final long REDRAW_NANOS = 200_000_000L;

    private final PrintStream err;
    private final String name;
    private final long total;
    private final long started = System.nanoTime();
    private long lastDraw;
    private boolean drawn;

    private AnalyzeProgress(PrintStream err, Path file, long total) {
        this.err = err;
        this.name = file == null ? "" : String.valueOf(file.getFileName());
        this.total = total;
    }

    static AnalyzeProgress forTerminal(Path file, long total) {
        return new AnalyzeProgress(System.console() != null ? System.err : null, file, total);
    }

    @Override
    public void accept(long done) {
        long now = System.nanoTime();
        if (err == null || now - lastDraw < REDRAW_NANOS) {
            return;
        }
        lastDraw = now;
        drawn = true;
        int width = 30;
        int filled = total <= 0 ? width : (int) Math.min(width, done * width / total);
        double seconds = Math.max(1e-3, (now - started) / 1e9);
        err.printf("\r%s [%s%s] %3d%% %.0f MB/s", name, "#".repeat(filled), " ".repeat(width - filled),
                total <= 0 ? 100 : done * 100 / total, done / 1e6 / seconds);
        err.flush();
    }

    void done() {
        if (err != null && drawn) {
            err.print("\r" + " ".repeat(name.length() + 50) + "\r");
            err.flush();
        }
    }
}
