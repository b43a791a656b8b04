package io.hilharness.cli;

import io.hilharness.board.ResetKind;
import io.hilharness.client.FetchMode;
import io.hilharness.client.Outcome;
import io.hilharness.correlate.CorrelatedConnection;
import io.hilharness.diagnose.DiagnosisText;
import io.hilharness.image.ProjectLayout;
import io.hilharness.image.TrustOption;
import io.hilharness.report.SummaryTable;
import io.hilharness.run.CampaignResult;
import io.hilharness.run.CampaignSpec;
import io.hilharness.runner.CampaignOutcome;
import io.hilharness.runner.ReferenceBoardRunner;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code hil demo}: the two classic bench cases side by side on the reference board. A self-signed
 * board that every validating client rejects, and a lab-CA board that passes every round.
 */
@Command(name = "demo", description = "Run the selfsigned and lab-ca images on the reference board, 3 boots x 10 rounds each.")
final class DemoCommand implements Callable<Integer> {
    @Option(names = "--runs-dir", description = "Where run folders go (default: runs/ in the project).")
    Path runsDir;

    @Override
    public Integer call() throws Exception {
        ProjectLayout layout = ProjectLayout.locate();
        ReferenceBoardRunner campaigns = new ReferenceBoardRunner(layout, runsDir == null ? layout.runsDir() : runsDir);

        CampaignOutcome selfsignedRun;
        try (ProgressPrinter progress = ProgressPrinter.create(System.out, "selfsigned", spec())) {
            selfsignedRun = campaigns.run("selfsigned", spec(), TrustOption.SYSTEM, progress);
        }
        CampaignOutcome labCaRun;
        try (ProgressPrinter progress = ProgressPrinter.create(System.out, "lab-ca", spec())) {
            labCaRun = campaigns.run("lab-ca", spec(), TrustOption.IMAGE, progress);
        }
        CampaignResult selfsigned = selfsignedRun.result();
        CampaignResult labCa = labCaRun.result();

        System.out.println();
        System.out.println("== selfsigned (clients trust the system store, as a browser does) ==");
        System.out.print(SummaryTable.render(selfsigned));
        System.out.print(DiagnosisText.brief(selfsignedRun.diagnosis(), 1));
        System.out.println();
        System.out.println("== lab-ca (clients trust the image's lab CA) ==");
        System.out.print(SummaryTable.render(labCa));
        System.out.print(DiagnosisText.brief(labCaRun.diagnosis(), 1));
        System.out.println();

        boolean selfsignedAsExpected = everyConnectionRejectedForItsCertificate(selfsigned);
        boolean labCaAsExpected = labCa.allPassed();
        System.out.println(verdict(selfsignedAsExpected, "selfsigned: every handshake fails as a certificate rejection"));
        System.out.println(verdict(labCaAsExpected, "lab-ca: every round passes"));
        System.out.println("run folders (each with report.html and junit.xml):");
        System.out.println("  " + selfsigned.runDir());
        System.out.println("  " + labCa.runDir());
        return selfsignedAsExpected && labCaAsExpected ? 0 : 1;
    }

    private static CampaignSpec spec() {
        return new CampaignSpec(3, 10, FetchMode.SEQUENTIAL, ResetKind.SOFT, List.of("/dashboard.html", "/style.css"),
                6, Duration.ofSeconds(20), Duration.ofSeconds(10));
    }

    static boolean everyConnectionRejectedForItsCertificate(CampaignResult result) {
        List<CorrelatedConnection> connections = result.rounds().stream().flatMap(r -> r.connections().stream()).toList();
        return result.boots().stream().allMatch(b -> b.ready())
                && result.rounds().size() == result.spec().boots() * result.spec().rounds()
                && !connections.isEmpty()
                && connections.stream().allMatch(c -> c.client().outcome() == Outcome.CERT_REJECTED);
    }

    private static String verdict(boolean ok, String expectation) {
        return (ok ? "AS EXPECTED  " : "UNEXPECTED   ") + expectation;
    }
}
