package io.hilharness.devlog;

import java.util.List;
import java.util.Optional;

/**
 * Tries each candidate format on every line until one recognises a line, then uses only that one,
 * so a later line cannot be misread by a format the device does not use. Lines before the decision
 * that no candidate recognises stay unparsed. Stateful and not thread-safe, like the parser that
 * owns it.
 */
public final class AutoDetectFormat implements LogFormat {

    private final List<LogFormat> candidates;
    private LogFormat decided;

    AutoDetectFormat(List<LogFormat> candidates) {
        this.candidates = List.copyOf(candidates);
    }

    /** {@code auto} until decided, then the decided format's name. */
    @Override
    public String name() {
        return decided == null ? LogFormats.AUTO : decided.name();
    }

    /** The format settled on, if any line has been recognised yet. */
    public Optional<LogFormat> decided() {
        return Optional.ofNullable(decided);
    }

    /**
     * A detector in the state this one is in now, for reading a later part of the same log on its own:
     * decided as this one is. Empty while this one has not decided.
     */
    public Optional<AutoDetectFormat> continuation() {
        if (decided == null) {
            return Optional.empty();
        }
        AutoDetectFormat copy = new AutoDetectFormat(candidates);
        copy.decided = decided;
        return Optional.of(copy);
    }

    @Override
    public LogLine parse(String text) {
        if (decided != null) {
            return decided.parse(text);
        }
        for (LogFormat candidate : candidates) {
            LogLine parsed = candidate.parse(text);
            if (parsed != null) {
                decided = candidate;
                return parsed;
            }
        }
        return null;
    }

    /** Whether every candidate is one of {@link LogFormats#all()}'s: none of those has death patterns of its own. */
    boolean builtInOnly() {
        for (LogFormat c : candidates) {
            if (!(c instanceof BoardLogFormat || c instanceof MbedTraceFormat || c instanceof EspIdfFormat
                    || c instanceof MbedtlsNativeFormat || c instanceof LwipFormat)) {
                return false;
            }
        }
        return true;
    }

    /** Death patterns of every candidate: a crash may come before the format is known. */
    @Override
    public boolean isDeath(String text) {
        for (LogFormat candidate : candidates) {
            if (candidate.isDeath(text)) {
                return true;
            }
        }
        return false;
    }
}
