package io.hilharness.cli;

import io.hilharness.campaign.CampaignResult;
import io.hilharness.campaign.CampaignSpec;
import io.hilharness.campaign.ClientKind;
import io.hilharness.campaign.ReferenceBoardCampaign;
import io.hilharness.diagnose.Diagnoser;
import io.hilharness.diagnose.DiagnosisText;
import io.hilharness.diagnose.Evidence;
import io.hilharness.image.ImageManifest;
import io.hilharness.image.ProjectLayout;
import io.hilharness.report.SummaryTable;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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

    @Option(names = "--client", defaultValue = "okhttp",
            description = "okhttp (library client, default), chromium (real headless browser), or both (one campaign each, side by side).")
    String client;

    @Mixin
    CampaignOptions options = new CampaignOptions();

    static List<ClientKind> clients(String value) {
        return switch (value.toLowerCase(java.util.Locale.ROOT)) {
            case "okhttp" -> List.of(ClientKind.OKHTTP);
            case "chromium" -> List.of(ClientKind.CHROMIUM);
            case "both" -> List.of(ClientKind.OKHTTP, ClientKind.CHROMIUM);
            default -> throw new IllegalArgumentException("--client: '" + value + "' is not one of okhttp, chromium, both");
        };
    }

    @Override
    public Integer call() throws Exception {
        ProjectLayout layout = ProjectLayout.locate();
        ImageManifest manifest = layout.imageManifest(image);
        CampaignSpec spec = options.toSpec(manifest);
        List<ClientKind> clients = clients(client);
        Map<String, CampaignResult> results = new LinkedHashMap<>();
        for (ClientKind kind : clients) {
            String label = clients.size() == 1 ? image : image + "/" + kind.label();
            CampaignResult result;
            try (ProgressPrinter progress = ProgressPrinter.create(System.out, label, spec)) {
                result = new ReferenceBoardCampaign(layout, runsDir == null ? layout.runsDir() : runsDir)
                        .withClient(kind)
                        .run(image, spec, trust, progress);
            }
            results.put(kind.label(), result);
            System.out.println();
            System.out.print(SummaryTable.render(result));
            System.out.print(DiagnosisText.brief(Diagnoser.standard().diagnose(Evidence.of(result)), 3));
            System.out.println("run folder: " + result.runDir() + " (report.html, junit.xml, diagnosis.txt)");
        }
        if (results.size() > 1) {
            System.out.println();
            System.out.print(ClientComparison.render(results));
        }
        return results.values().stream().mapToInt(CampaignResult::exitCode).max().orElse(0);
    }
}
