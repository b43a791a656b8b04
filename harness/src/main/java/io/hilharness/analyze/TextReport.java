package io.hilharness.analyze;

import java.io.PrintStream;
import java.util.Map;
import java.util.stream.Collectors;

/** Plain text: a heading per boot, one line per session as it ends, the boot's counts at its end. */
public final class TextReport implements ReportSink {
    private final PrintStream out;
    private Integer headedBoot;

    public TextReport(PrintStream out) {
        this.out = out;
    }

    @Override
    public void session(SessionSummary s) {
        heading(s.boot());
        out.println("  " + Sanitize.oneLine(s.describe()));
    }

    @Override
    public void boot(BootSummary b) {
        heading(b.boot());
        String counts = b.outcomes().entrySet().stream().sorted(Map.Entry.comparingByKey())
                .map(e -> e.getValue() + " " + e.getKey()).collect(Collectors.joining(", "));
        long sessions = b.outcomes().values().stream().mapToLong(Long::longValue).sum();
        out.println("  boot " + b.boot() + ": " + b.lines() + " lines, " + sessions + " sessions"
                + (counts.isEmpty() ? "" : ": " + counts));
        if (b.crashed()) {
            out.println("  boot " + b.boot() + " CRASHED: " + Sanitize.oneLine(b.crashLine()));
        }
        headedBoot = null;
    }

    @Override
    public void file(LogAnalyzer.FileStats f) {
        out.println(f.file() + ": format " + f.format() + ", " + f.lines() + " lines, " + f.bytes()
                + " bytes, " + f.unrecognisedLines() + " lines in no known format");
    }

    @Override
    public void join(Join j) {
        ClientConnection c = j.client();
        String device = j.session() == null ? "no device session" : j.session().describe();
        out.printf("  client %s port %d %s  <->  %s  [confidence %.1f: %s]%n", c.id(), c.localPort(), c.outcome(),
                Sanitize.oneLine(device), j.confidence(), j.reason());
    }

    private void heading(int boot) {
        if (headedBoot == null || headedBoot != boot) {
            out.println("boot " + boot);
            headedBoot = boot;
        }
    }

    /** Device text is untrusted: keep it to one printable line on the terminal. */
    static final class Sanitize {
        private Sanitize() {
        }

        static String oneLine(String s) {
            if (s == null) {
                return "";
            }
            StringBuilder sb = new StringBuilder(Math.min(s.length(), 300));
            for (int i = 0; i < s.length() && sb.length() < 300; i++) {
                char c = s.charAt(i);
                sb.append(c < 0x20 || c == 0x7F ? '?' : c);
            }
            return sb.toString();
        }
    }
}
