package io.hilharness.cli;

import io.hilharness.certs.Trust;
import io.hilharness.image.FirmwareImage;
import io.hilharness.image.ImageBuilder;
import io.hilharness.image.ProjectLayout;
import io.hilharness.image.TrustOption;
import io.hilharness.lab.BoardChoice;
import io.hilharness.lab.BoardHealth;
import io.hilharness.lab.HealthStore;
import io.hilharness.lab.LabBoard;
import io.hilharness.lab.LabConfig;
import io.hilharness.lab.Reservation;
import io.hilharness.report.SummaryTable;
import io.hilharness.run.CampaignResult;
import io.hilharness.run.CampaignSpec;
import io.hilharness.runner.BoardOutcome;
import io.hilharness.runner.CombinedSummary;
import io.hilharness.runner.LabRunner;
import io.hilharness.runner.RunSettings;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code hil run --board NAME | --boards SELECTOR}: the image on lab boards, one campaign per board in
 * parallel; boards in maintenance passed over unless named; with --wait/--count, taken through the line.
 */
final class BoardsRun {
    private BoardsRun() {
    }

    static int run(ProjectLayout layout, String imageName, CampaignSpec spec, String trust, Path runsDir,
                   LabConfig lab, BoardsWanted wanted, String commandLine, boolean compress, PrintStream out) throws Exception {
        HealthStore health = HealthStore.of(lab);
        BoardChoice choice = BoardChoice.of(lab, wanted.selector(), health);
        choice.warnings().forEach(out::println);
        FirmwareImage image = new ImageBuilder(layout).build(imageName);
        Trust clientTrust = TrustOption.parse(trust).resolve(image);
        LabRunner runner = new LabRunner(lab, runsDir, commandLine)
                .withSettings(RunSettings.defaults().stoppingOn(OperatorStop.process()).compressing(compress));
        if (!wanted.reserves()) {
            return runOn(choice.boards(), lab, runner, image, spec, clientTrust, wanted.selector(), health, out);
        }
        List<LabBoard> candidates = choice.boards();
        int count = wanted.count() == null ? candidates.size() : wanted.count();
        if (count > candidates.size()) {
            throw new IllegalArgumentException("--count " + count + ": '" + wanted.selector() + "' has "
                    + candidates.size() + " board(s) in service " + candidates.stream().map(LabBoard::name).toList());
        }
        Reservation reservation;
        try {
            reservation = Reservation.take(lab.lockDir(), candidates.stream().map(LabBoard::name).toList(), count,
                    wanted.patience(), commandLine, out::println, () -> OperatorStop.process().reason().isPresent());
        } catch (InterruptedException e) {
            out.println("stopped by " + OperatorStop.process().reason().orElse("an interrupt")
                    + " while waiting: no board taken, no place left in the line");
            return StopOnSignals.EXIT_STOPPED;
        }
        try (reservation) {
            out.println("taken: " + String.join(", ", reservation.boards()));
            List<LabBoard> taken = candidates.stream().filter(b -> reservation.boards().contains(b.name())).toList();
            return runOn(taken, lab, runner.onReservedBoards(), image, spec, clientTrust, wanted.selector(), health, out);
        }
    }

    private static int runOn(List<LabBoard> boards, LabConfig lab, LabRunner runner, FirmwareImage image, CampaignSpec spec,
                             Trust trust, String selector, HealthStore health, PrintStream out) throws Exception {
        List<Boolean> wasInMaintenance = boards.stream().map(b -> read(health, b).inMaintenance()).toList();
        List<BoardOutcome> outcomes = runner.runAll(boards, image, spec, trust, board -> new ProgressPrinter(out, board.name()));
        for (int i = 0; i < boards.size(); i++) {
            BoardHealth now = read(health, boards.get(i));
            if (now.inMaintenance() && !wasInMaintenance.get(i)) {
                out.println("board " + boards.get(i).name() + " is now " + now.maintenance().describe());
            }
        }
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

    private static BoardHealth read(HealthStore health, LabBoard board) {
        try {
            return health.read(board.name());
        } catch (IOException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }
}
