package io.hilharness.analyze;

/** Where an analysis goes, as it happens: people's text or machines' JSON lines. */
public interface ReportSink extends SessionTracker.Listener {
    void file(LogAnalyzer.FileStats stats);

    void join(Join join);
}
