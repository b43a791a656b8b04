package io.hilharness.cli;

import io.hilharness.analyze.BootSummary;
import io.hilharness.analyze.ClientConnection;
import io.hilharness.analyze.JournalClients;
import io.hilharness.analyze.JsonReport;
import io.hilharness.analyze.LogAnalyzer;
import io.hilharness.analyze.ReportSink;
import io.hilharness.analyze.SessionJoiner;
import io.hilharness.analyze.SessionSummary;
import io.hilharness.analyze.TextReport;
import io.hilharness.devlog.LogFormat;
import io.hilharness.devlog.LogFormats;
import io.hilharness.devlog.LogFormatsFile;
import io.hilharness.devlog.RegexLogFormat;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code hil analyze LOG...}: sessions and outcomes of a captured device log, no board needed. */
@Command(name = "analyze", description = "Analyze captured device logs offline: sessions per boot, outcomes, counts.")
final class AnalyzeCommand implements Callable<Integer> {
    @Parameters(arity = "1..*", paramLabel = "LOGFILE", description = "Captured log (plain text or the harness's raw capture).")
    List<Path> logs;

    @Option(names = "--json", description = "JSON lines ({\"type\":..., \"data\":...}) instead of text.")
    boolean json;

    @Option(names = "--format", defaultValue = "auto",
            description = "Log format: auto (default), board, mbedtls, lwip, mbed-trace, esp-idf, or a name from --formats.")
    String format;

    @Option(names = "--formats", paramLabel = "FILE", description = "YAML file of user-defined formats (name, pattern, death).")
    Path formatsFile;

    @Option(names = "--journal", paramLabel = "JOURNAL", description = "A campaign's journal.jsonl: redo the client/device correlation.")
    Path journal;

    @Override
    public Integer call() throws Exception {
        for (Path log : logs) {
            if (!Files.isReadable(log) || Files.isDirectory(log)) {
                throw new IllegalArgumentException(log + ": no such readable file");
            }
        }
        List<RegexLogFormat> user = formatsFile == null ? List.of() : LogFormatsFile.read(formatsFile);
        Supplier<LogFormat> formats = formatSupplier(user);
        List<ClientConnection> clients = journal == null ? null : JournalClients.read(journal);
        // Buffered, not stdout's flush per line: a soak's log gives hundreds of thousands of sessions.
        PrintStream out = new PrintStream(new java.io.BufferedOutputStream(System.out, 1 << 16), false,
                java.nio.charset.StandardCharsets.UTF_8);
        ReportSink report = json ? new JsonReport(out) : new TextReport(out);
        List<SessionSummary> kept = new ArrayList<>();
        ReportSink sink = clients == null ? report : keeping(report, kept);
        LogAnalyzer analyzer = new LogAnalyzer(formats);
        try {
            for (Path log : logs) {
                AnalyzeProgress progress = AnalyzeProgress.forTerminal(log, Files.size(log));
                LogAnalyzer.FileStats stats = analyzer.analyze(log, sink, progress);
                progress.done();
                report.file(stats);
                out.flush();
            }
            if (clients != null) {
                SessionJoiner.forSessions(kept).join(clients, kept).forEach(report::join);
            }
        } finally {
            out.flush(); // what was found before a failure is kept
        }
        return 0;
    }

    private Supplier<LogFormat> formatSupplier(List<RegexLogFormat> user) {
        String name = format.trim().toLowerCase(Locale.ROOT);
        for (RegexLogFormat f : user) {
            if (f.name().equalsIgnoreCase(name)) {
                return () -> f;
            }
        }
        if (name.equals(LogFormats.AUTO)) {
            return () -> LogFormats.autoDetect(user);
        }
        LogFormats.byName(name); // unknown names fail here, once, with the list of known ones
        return () -> LogFormats.byName(name);
    }

    // With a journal the sessions are needed again for the join: kept (summaries only, not lines).
    private static ReportSink keeping(ReportSink report, List<SessionSummary> kept) {
        return new ReportSink() {
            @Override
            public void session(SessionSummary s) {
                kept.add(s);
                report.session(s);
            }

            @Override
            public void boot(BootSummary b) {
                report.boot(b);
            }

            @Override
            public void file(LogAnalyzer.FileStats stats) {
                report.file(stats);
            }

            @Override
            public void join(io.hilharness.analyze.Join join) {
                report.join(join);
            }
        };
    }
}
