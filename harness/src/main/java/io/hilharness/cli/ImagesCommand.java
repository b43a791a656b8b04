package io.hilharness.cli;

import io.hilharness.image.FirmwareImage;
import io.hilharness.image.ImageBuilder;
import io.hilharness.image.ProjectLayout;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code hil images build [NAME...]}: builds flashable image folders (binary, manifest, content, fresh certificates). */
@Command(name = "images", description = "Build firmware images from firmware-images/images/.",
        subcommands = ImagesCommand.Build.class)
final class ImagesCommand {

    @Command(name = "build", description = "Build the named images (all when none is named).")
    static final class Build implements Callable<Integer> {
        @Parameters(arity = "0..*", paramLabel = "NAME", description = "Image names, e.g. selfsigned lab-ca.")
        List<String> names = List.of();

        @Override
        public Integer call() throws Exception {
            ProjectLayout layout = ProjectLayout.locate();
            ImageBuilder builder = new ImageBuilder(layout);
            for (String name : names.isEmpty() ? layout.imageNames() : names) {
                FirmwareImage image = builder.build(name);
                System.out.println("built " + name + " -> " + image.dir());
            }
            return 0;
        }
    }
}
