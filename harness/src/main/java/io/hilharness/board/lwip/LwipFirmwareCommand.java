package io.hilharness.board.lwip;

import io.hilharness.board.host.FirmwareCommand;
import io.hilharness.image.FirmwareImage;
import io.hilharness.netns.TapLink;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The lwIP board's command line (firmware-images/lwip/README.md): its flash and board folders, the tap its
 * netif uses and the address it takes there.
 *
 * @param consoleTee a file where the board also writes every console byte (tests); normally empty
 */
record LwipFirmwareCommand(TapLink link, Optional<Path> consoleTee) implements FirmwareCommand {
    @Override
    public Path binary(Path flash) {
        return flash.resolve(FirmwareImage.LWIP_BINARY_NAME);
    }

    @Override
    public List<String> argv(Path flash, Path boardDir) {
        List<String> argv = new ArrayList<>(List.of(binary(flash).toString(), "--flash", flash.toString(),
                "--board", boardDir.toString(), "--tap", link.name(), "--address", link.boardCidr()));
        consoleTee.ifPresent(tee -> argv.addAll(List.of("--console-tee", tee.toString())));
        return argv;
    }
}
