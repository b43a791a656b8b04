package io.hilharness.testing;

import io.hilharness.board.BoardException;
import io.hilharness.board.PowerSwitch;
import java.util.concurrent.atomic.AtomicReference;

/** A fake board's supply: switching it on boots the fake firmware; it can be told to fail once. */
public final class FakePowerSwitch implements PowerSwitch {
    private final FakeBoard board;
    private final AtomicReference<String> nextFailure = new AtomicReference<>();
    private volatile boolean on;
    private volatile String died;

    FakePowerSwitch(FakeBoard board) {
        this.board = board;
    }

    /** The next power-on throws a {@link BoardException} saying {@code why}, and the board stays off. */
    public void failNextPowerOn(String why) {
        nextFailure.set(why);
    }

    @Override
    public void powerOn() throws BoardException {
        String failure = nextFailure.getAndSet(null);
        board.record("power on");
        if (failure != null) {
            throw new BoardException(failure);
        }
        on = true;
        died = null;
        board.boot("power-on");
    }

    @Override
    public void powerOff() {
        board.record("power off");
        on = false;
    }

    /** The board's firmware ended by itself, as a process that aborted does. */
    void die(String how) {
        on = false;
        died = how;
    }

    @Override
    public java.util.Optional<String> diedByItself() {
        return java.util.Optional.ofNullable(died);
    }

    @Override
    public boolean isOn() {
        return on;
    }
}
