package io.hilharness.cli;

import io.hilharness.campaign.CampaignResult;
import io.hilharness.campaign.ReferenceBoardCampaign;
import io.hilharness.diagnose.Diagnoser;
import io.hilharness.diagnose.DiagnosisText;
import io.hilharness.diagnose.Evidence;
import io.hilharness.image.ImageManifest;
import io.hilharness.image.ProjectLayout;
import io.hilharness.report.SummaryTable;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code hil run --image NAME}: one campaign against a fresh reference board. */
@Command(name = "run", description = "Flash an image on the reference board and run a campaign across reboots.")
final class RunCommand implements Callable<Integer> {
    @Option(names = "--image", required = true, description = "Image name under firmware-images/images/.")
    String image;

    @Option(names = "--trust", defaultValue = "system",
            description = "system (what a browser trusts, default), image (the image's lab CA), or a PEM file.")
    String trust;

    @Option(names = "--runs-dir", description = "Where run folders go (default: runs/ in the project).")
    Path runsDir;

    @Mixin
    CampaignOptions options = new CampaignOptions();

    @Override
    public Integer call() throws Exception {
        ProjectLayout layout = ProjectLayout.locate();
        ImageManifest manifest = ImageManifest.read(layout.imageSource(image).resolve(ImageManifest.FILE_NAME));
        CampaignResult result = new ReferenceBoardCampaign(layout, runsDir == null ? layout.runsDir() : runsDir)
                .run(image, options.toSpec(manifest), trust, new ProgressPrinter(System.out, image));
        System.out.println();
        System.out.print(SummaryTable.render(result));
        System.out.print(DiagnosisText.brief(Diagnoser.standard().diagnose(Evidence.of(result)), 3));
        System.out.println("run folder: " + result.runDir());
        return result.exitCode();
    }
}
