package io.hilharness.cli;

import io.hilharness.campaign.CampaignResult;
import io.hilharness.campaign.ReferenceBoardCampaign;
import io.hilharness.image.ImageManifest;
import io.hilharness.image.ProjectLayout;
import io.hilharness.lab.LabConfig;
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

    @Option(names = "--board", description = "Run on this board of the lab config instead of a fresh reference board.")
    String board;

    @Option(names = "--boards", description = "Run on every matching lab board in parallel: tag:TAG, a name, or all.")
    String boards;

    @Option(names = "--lab", description = "Lab config for --board/--boards (default: $HIL_LAB_CONFIG, else ~/.config/hil/lab.yaml).")
    Path lab;

    @Override
    public Integer call() throws Exception {
        ProjectLayout layout = ProjectLayout.locate();
        ImageManifest manifest = layout.imageManifest(image);
        if (board != null || boards != null) {
            if (board != null && boards != null) {
                throw new IllegalArgumentException("give --board or --boards, not both");
            }
            return BoardsRun.run(layout, image, options.toSpec(manifest), trust, runsDir == null ? layout.runsDir() : runsDir,
                    LabConfig.locateAndRead(lab), board != null ? board : boards, "hil run --image " + image, System.out);
        }
        CampaignResult result = new ReferenceBoardCampaign(layout, runsDir == null ? layout.runsDir() : runsDir)
                .run(image, options.toSpec(manifest), trust, new ProgressPrinter(System.out, image));
        System.out.println();
        System.out.print(SummaryTable.render(result));
        System.out.println("run folder: " + result.runDir());
        return result.exitCode();
    }
}
