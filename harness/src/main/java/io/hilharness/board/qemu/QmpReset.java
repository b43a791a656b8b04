package io.hilharness.board.qemu;

import io.hilharness.board.BoardException;
import io.hilharness.board.ResetKind;
import io.hilharness.board.Resetter;

/**
 * The QEMU board's hard reset: QMP system_reset, the reset line of the whole machine. QEMU keeps running
 * (the console pty stays) and RAM keeps the flashed image, so the board boots it again with cause "reset".
 * A board that is off is powered on (boot 1, cause "power-on").
 */
final class QmpReset implements Resetter {
    private final QemuPower power;

    QmpReset(QemuPower power) {
        this.power = power;
    }

    @Override
    public ResetKind kind() {
        return ResetKind.HARD;
    }

    @Override
    public void reset() throws BoardException {
        power.reset();
    }
}
