package io.hilharness.qemu;

import io.hilharness.board.ResetKind;
import io.hilharness.campaign.CampaignListener;
import io.hilharness.client.FetchMode;
import io.hilharness.image.ProjectLayout;
import io.hilharness.image.TrustOption;
import io.hilharness.run.CampaignResult;
import io.hilharness.run.CampaignSpec;
import io.hilharness.runner.ClientKind;
import io.hilharness.runner.ReferenceBoardRunner;
import io.hilharness.testing.LwipBoardAssertions;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The lwIP field scenarios on a microcontroller: each QEMU image, one small campaign each, diagnosed as
 * on the lwIP board from lwIP's and Mbed TLS's own lines, and {@code hil analyze} on the console capture
 * finds the campaign's sessions.
 */
class QemuScenarioDiagnosisIT {
    @TempDir
    Path runs;

    /** image, client, trust, mode, boots, rounds, expected top rule (null: no finding), a board line it cites. */
    static Stream<Arguments> scenarios() {
        return Stream.of(
                Arguments.of("qemu-good", ClientKind.OKHTTP, "image", FetchMode.PARALLEL, 2, 2, null, null),
                Arguments.of("qemu-good", ClientKind.CHROMIUM, "image", FetchMode.SEQUENTIAL, 1, 2, null, null),
                Arguments.of("qemu-selfsigned", ClientKind.OKHTTP, "system", FetchMode.SEQUENTIAL, 1, 2,
                        "certificate-rejected", "mbedtls_ssl_handshake failed"),
                Arguments.of("qemu-selfsigned", ClientKind.CHROMIUM, "system", FetchMode.SEQUENTIAL, 1, 2,
                        "certificate-rejected", "fatal alert message (msg 46)"),
                // A browser's page and five stylesheet requests at once: the heap holds two TLS connections.
                Arguments.of("qemu-small-heap", ClientKind.OKHTTP, "image", FetchMode.PARALLEL, 2, 3,
                        "concurrency", "mbedtls_ssl_setup failed"));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("scenarios")
    void theDiagnosisNamesTheRootCauseAndAnalyzeFindsTheCampaignsSessions(String image, ClientKind client, String trust,
                                                                          FetchMode mode, int boots, int rounds,
                                                                          String expectedRule, String boardLine) throws Exception {
        List<String> paths = mode == FetchMode.PARALLEL
                ? List.of("/dashboard.html", "/style.css", "/style.css", "/style.css", "/style.css", "/style.css")
                : List.of("/dashboard.html", "/style.css");
        CampaignSpec spec = new CampaignSpec(boots, rounds, mode, ResetKind.SOFT, paths, 6,
                Duration.ofSeconds(60), Duration.ofSeconds(30));
        CampaignResult result = new ReferenceBoardRunner(ProjectLayout.locate(), runs).withClient(client)
                .run(image, spec, TrustOption.parse(trust), new CampaignListener() { }).result();

        LwipBoardAssertions.diagnosisNames(result, expectedRule, boardLine);
        LwipBoardAssertions.analyzeFindsTheCampaignsSessions(result);
    }
}
