package io.hilharness.board;

/** A hard reset: power off, power on. The board boots from scratch and its USB console re-enumerates. */
public final class PowerCycleReset implements Resetter {
    private final PowerSwitch power;

    public PowerCycleReset(PowerSwitch power) {
        this.power = power;
    }

    @Override
    public ResetKind kind() {
        return ResetKind.HARD;
    }

    @Override
    public void reset() throws BoardException {
        power.powerOff();
        power.powerOn();
    }
}
