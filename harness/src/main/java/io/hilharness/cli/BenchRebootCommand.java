package io.hilharness.cli;

import io.hilharness.bench.RebootBenchmark;
import io.hilharness.board.ResetKind;
import io.hilharness.image.ProjectLayout;
import io.hilharness.netns.PrivateNetwork;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code hil bench reboot}: reset to first fetch as the harness sees it vs the board's own reset to ready. */
@Command(name = "reboot", description = "Reboot cycle: harness reset -> first fetch vs the board's own reset -> ready line.")
final class BenchRebootCommand implements Callable<Integer> {
    @Option(names = "--resets", defaultValue = "20", description = "Counted resets of each kind, default ${DEFAULT-VALUE}.")
    int resets;

    @Option(names = "--kinds", defaultValue = "soft,hard", split = ",",
            description = "Reset kinds: soft (console reboot), hard (power cycle); default ${DEFAULT-VALUE}.")
    List<String> kinds;

    @Option(names = "--image", defaultValue = "good", description = "Image to boot, default ${DEFAULT-VALUE}.")
    String image;

    @Option(names = "--lwip", paramLabel = "IMAGE",
            description = "Also measure the lwIP board with this image (e.g. lwip-good) in the same run, after the --image one.")
    String lwip;

    @Option(names = "--qemu", paramLabel = "IMAGE",
            description = "Also measure the QEMU board with this image (e.g. qemu-good) in the same run, after the others.")
    String qemu;

    @Mixin
    BenchWorkDir work = new BenchWorkDir();

    @Override
    public Integer call() throws Exception {
        if (resets < 1) {
            throw new IllegalArgumentException("--resets must be at least 1");
        }
        List<ResetKind> resetKinds = new ArrayList<>();
        for (String kind : kinds) {
            resetKinds.add(switch (kind.trim().toLowerCase(Locale.ROOT)) {
                case "soft" -> ResetKind.SOFT;
                case "hard" -> ResetKind.HARD;
                default -> throw new IllegalArgumentException("--kinds: '" + kind + "' is not soft or hard");
            });
        }
        if (lwip != null) {
            OptionalInt child = PrivateNetwork.enter();
            if (child.isPresent()) {
                return child.getAsInt();
            }
        }
        ProjectLayout layout = ProjectLayout.locate();
        List<String> images = Stream.of(image, lwip, qemu).filter(Objects::nonNull).toList();
        for (String name : images) {
            RebootBenchmark.Result result = work.use(dir -> new RebootBenchmark(layout, dir).run(name, resets, resetKinds, System.err));
            System.out.print(result.table().render());
        }
        return 0;
    }
}
