package io.hilharness.board;

import java.util.Optional;

/**
 * A power switch that, once off for good, also gives back what the board held for its run: the flash
 * slots of a one-run board, the tap of an lwIP board. Everything else is the switch's own, crash
 * detection included.
 */
public record ReleasingPower(PowerSwitch power, GiveBack giveBack) implements PowerSwitch {
    /** What is given back after the power is off for good. */
    @FunctionalInterface
    public interface GiveBack {
        void run() throws BoardException;
    }

    @Override
    public void powerOn() throws BoardException {
        power.powerOn();
    }

    @Override
    public void powerOff() throws BoardException {
        power.powerOff();
    }

    @Override
    public boolean isOn() {
        return power.isOn();
    }

    @Override
    public Optional<String> diedByItself() {
        return power.diedByItself();
    }

    @Override
    public void close() throws BoardException {
        power.close();
        giveBack.run();
    }
}
