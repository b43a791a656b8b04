package io.hilharness.board.reset;

import io.hilharness.board.BoardException;
import io.hilharness.board.PowerSwitch;
import io.hilharness.board.command.CommandTemplate;
import io.hilharness.board.command.ToolRunner;
import java.util.Map;

/**
 * Board power by external commands: {@code uhubctl -l 1-1 -p 2 -a off}, a PDU client, a relay script.
 * A power cycle through it is a real cold boot, and the board's USB console re-enumerates.
 */
public final class CommandPowerSwitch implements PowerSwitch {
    private final CommandTemplate on;
    private final CommandTemplate off;
    private final Map<String, String> values;
    private final ToolRunner runner;
    private boolean isOn;
    private int cycles;

    /** The board's power state is unknown at first; it counts as on, so the first power-off really runs. */
    public CommandPowerSwitch(CommandTemplate on, CommandTemplate off, Map<String, String> values, ToolRunner runner) {
        this.on = on;
        this.off = off;
        this.values = Map.copyOf(values);
        this.runner = runner;
        this.isOn = true;
    }

    @Override
    public synchronized void powerOn() throws BoardException {
        run("power-on-" + ++cycles, on);
        isOn = true;
    }

    @Override
    public synchronized void powerOff() throws BoardException {
        run("power-off-" + (cycles + 1), off);
        isOn = false;
    }

    @Override
    public synchronized boolean isOn() {
        return isOn;
    }

    /** A real board stays as it is: an engineer who closes its console has not asked to switch it off. */
    @Override
    public void release() {
    }

    private void run(String name, CommandTemplate template) throws BoardException {
        try {
            runner.run(name, template.expand(values));
        } catch (IllegalArgumentException e) {
            throw new BoardException(name + ": " + e.getMessage(), e);
        }
    }
}
