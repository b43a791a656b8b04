package io.hilharness.board.flash;

import io.hilharness.board.BoardException;
import io.hilharness.board.Flasher;
import io.hilharness.board.serial.SharedPort;
import io.hilharness.image.FirmwareImage;
import java.io.IOException;

/**
 * For tools that flash through the console's own port (esptool): the console lets go of the port while
 * the tool runs and reopens it afterwards, so the two never read each other's bytes.
 */
public final class BorrowingFlasher implements Flasher {
    private final SharedPort port;
    private final Flasher tool;

    public BorrowingFlasher(SharedPort port, Flasher tool) {
        this.port = port;
        this.tool = tool;
    }

    @Override
    public void flash(FirmwareImage image) throws BoardException {
        BoardException[] failure = new BoardException[1];
        try {
            port.exclusive(link -> {
                link.close(); // the console's reader reopens it when the tool is done
                try {
                    tool.flash(image);
                } catch (BoardException e) {
                    failure[0] = e;
                }
                return null;
            });
        } catch (IOException e) {
            throw new BoardException("cannot release the console port for flashing: " + e.getMessage(), e);
        }
        if (failure[0] != null) {
            throw failure[0];
        }
    }
}
