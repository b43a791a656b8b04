package io.hilharness.board.reset;

import io.hilharness.board.BoardException;
import io.hilharness.board.ResetKind;
import io.hilharness.board.Resetter;
import io.hilharness.board.command.CommandTemplate;
import io.hilharness.board.command.ToolRunner;
import java.util.Map;

/** A reset by an external command, e.g. the flash tool's own ({@code pyocd reset -u ID}, OpenOCD {@code reset run}). */
public final class CommandReset implements Resetter {
    private final String label;
    private final CommandTemplate template;
    private final Map<String, String> values;
    private final ToolRunner runner;
    private final ResetKind kind;
    private int count;

    public CommandReset(String label, CommandTemplate template, Map<String, String> values, ToolRunner runner, ResetKind kind) {
        this.label = label;
        this.template = template;
        this.values = Map.copyOf(values);
        this.runner = runner;
        this.kind = kind;
    }

    @Override
    public ResetKind kind() {
        return kind;
    }

    @Override
    public synchronized void reset() throws BoardException {
        try {
            // One set of log files per reset, so the output of every boot's reset is kept.
            runner.run("reset-" + label + "-" + ++count, template.expand(values));
        } catch (IllegalArgumentException e) {
            throw new BoardException("reset-" + label + ": " + e.getMessage(), e);
        }
    }
}
