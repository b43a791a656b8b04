package io.hilharness.cli;

import io.hilharness.bench.FetchBenchmark;
import io.hilharness.image.ProjectLayout;
import io.hilharness.netns.PrivateNetwork;
import java.util.List;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code hil bench fetch}: the harness's instrumented round vs bare OkHttp on the same board. */
@Command(name = "fetch", description = "Fetch overhead: harness rounds vs a bare OkHttp loop on the same board (reference, with --lwip the lwIP board, with --qemu the QEMU board).")
final class BenchFetchCommand implements Callable<Integer> {
    @Option(names = "--rounds", defaultValue = "80", description = "Counted rounds of each loop, default ${DEFAULT-VALUE}.")
    int rounds;

    @Option(names = "--warmup", defaultValue = "10", description = "Uncounted rounds of each loop first, default ${DEFAULT-VALUE}.")
    int warmup;

    @Option(names = "--image", defaultValue = "good", description = "Image to serve, default ${DEFAULT-VALUE}.")
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
        if (rounds < 1 || warmup < 0) {
            throw new IllegalArgumentException("--rounds must be at least 1 and --warmup at least 0");
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
            FetchBenchmark.Result result = work.use(dir -> new FetchBenchmark(layout, dir).run(name, rounds, warmup, System.err));
            System.out.print(result.table().render());
        }
        return 0;
    }
}
