package io.hilharness.board.host;

import io.hilharness.image.FirmwareImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * How a board that is a host process is started from what is flashed: which binary, with which command
 * line (its "network configuration" and wiring). The reference board and the lwIP board differ only here.
 */
public interface FirmwareCommand {
    /** The binary in the flashed image; powering on fails with "nothing flashed" while it is missing. */
    Path binary(Path flash);

    List<String> argv(Path flash, Path boardDir);

    /**
     * The reference firmware on a loopback port.
     *
     * @param consoleTee a file where the firmware also writes every console byte it sends: a UART sniffer
     *                   for tests that prove the capture is byte-identical; normally empty
     */
    static FirmwareCommand reference(int port, Optional<Path> consoleTee) {
        return new FirmwareCommand() {
            @Override
            public Path binary(Path flash) {
                return flash.resolve(FirmwareImage.BINARY_NAME);
            }

            @Override
            public List<String> argv(Path flash, Path boardDir) {
                List<String> argv = new ArrayList<>(List.of(binary(flash).toString(), "--flash", flash.toString(),
                        "--board", boardDir.toString(), "--port", Integer.toString(port), "--bind", "127.0.0.1"));
                consoleTee.ifPresent(tee -> argv.addAll(List.of("--console-tee", tee.toString())));
                return argv;
            }
        };
    }
}
