package io.hilharness.testing;

import io.hilharness.board.BoardException;
import io.hilharness.board.Flasher;
import io.hilharness.image.FirmwareImage;
import java.util.concurrent.atomic.AtomicReference;

/** Flashes nothing but remembers what it was asked to flash; can be told to fail once. */
public final class FakeFlasher implements Flasher {
    private final FakeBoard board;
    private final AtomicReference<String> nextFailure = new AtomicReference<>();

    FakeFlasher(FakeBoard board) {
        this.board = board;
    }

    public void failNextFlash(String why) {
        nextFailure.set(why);
    }

    @Override
    public void flash(FirmwareImage image) throws BoardException {
        String failure = nextFailure.getAndSet(null);
        if (failure != null) {
            throw new BoardException(failure);
        }
        board.record("flash " + image.name());
    }
}
