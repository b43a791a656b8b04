package io.hilharness.board;

/**
 * Power-on found nothing to boot: the board's flash was never written. Its own type so a command can
 * tell the user how to flash it, where any other power failure is reported as it is.
 */
public final class NothingFlashedException extends BoardException {
    public NothingFlashedException(String message) {
        super(message);
    }
}
