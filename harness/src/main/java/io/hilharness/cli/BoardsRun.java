package io.hilharness.cli;

import io.hilharness.certs.Trust;
import io.hilharness.image.FirmwareImage;
import io.hilharness.image.ImageBuilder;
import io.hilharness.image.ProjectLayout;
import io.hilharness.image.TrustOption;
import io.hilharness.lab.LabBoard;
import io.hilharness.lab.LabConfig;
import io.hilharness.report.SummaryTable;
import io.hilharness.run.CampaignResult;
import io.hilharness.run.CampaignSpec;
import io.hilharness.runner.BoardOutcome;
import io.hilharness.runner.CombinedSummary;
import io.hilharness.runner.LabRunner;
import io.hilharness.runner.ReferenceBoardRunner;
import io.hilharness.runner.RunSettings;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;

/** {@code hil run --board NAME | --boards SELECTOR}: the image on lab boards, one campaign per board in parallel. */
final class BoardsRun {
    private BoardsRun() {
    }

    static int run(ProjectLayout layout, String imageName, CampaignSpec spec, String trust, Path runsDir,
                   LabConfig lab, String selector, String commandLine, boolean compress, PrintStream out) throws Exception {
        List<LabBoard> boards = lab.select(selector);
        FirmwareImage image = new ImageBuilder(layout).build(imageName);
        Trust clientTrust = TrustOption.parse(trust).resolve(image);
        LabRunner runner = new LabRunner(lab, runsDir, commandLine)
                .withSettings(RunSettings.defaults().stoppingOn(OperatorStop.process()).compressing(compress));
        List<BoardOutcome> outcomes = runner.runAll(boards, image, spec, clientTrust, board -> new ProgressPrinter(out, board.name()));
        if (outcomes.size() == 1 && outcomes.get(0).error().isPresent()) {
            // One board asked for by name: its problem is the command's one error line.
            throw new IllegalStateException(outcomes.get(0).error().get());
        }
        out.println();
        for (BoardOutcome outcome : outcomes) {
            if (outcome.result().isPresent()) {
                CampaignResult result = outcome.result().get();
                out.println("== " + outcome.board());
                out.print(SummaryTable.render(result));
            }
        }
        String combined = CombinedSummary.render(outcomes);
        out.println("== all boards");
        out.print(combined);
        if (boards.size() > 1) {
            out.println("combined summary: " + runner.writeCombinedSummary(selector, combined));
        }
        return CombinedSummary.exitCode(outcomes);
    }
}
