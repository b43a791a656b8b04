package io.hilharness.board;

import io.hilharness.image.FirmwareImage;

/**
 * Writes an image to a board and verifies it. Implementations are strategies a lab plugs in
 * (mass storage, OpenOCD, serial bootloader, a host folder for the reference board...).
 * A flashed image takes effect at the board's next power-on.
 */
public interface Flasher {
    void flash(FirmwareImage image) throws BoardException;
}
