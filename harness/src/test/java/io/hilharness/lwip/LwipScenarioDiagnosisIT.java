package io.hilharness.lwip;

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
 * Each lwIP scenario image, one small campaign each: the diagnosis names its root cause as the top
 * finding, citing lwIP's and Mbed TLS's own lines ({@code lwip-good}: no finding), and {@code hil analyze}
 * on the campaign's console capture finds the same sessions, with the same outcomes, as the campaign.
 */
@LwipBoardTest
class LwipScenarioDiagnosisIT {
    @TempDir
    Path runs;

    /**
     * image, client, trust, mode, boots, rounds, expected top rule (null: no finding), a board line the
     * top finding cites. lwip-session-cache fails OkHttp from the 5th round of every boot on (the 5th new
     * session since boot), so each boot needs more rounds than that; lwip-small-heap fails when six connections come at once.
     */
    static Stream<Arguments> scenarios() {
        return Stream.of(
                Arguments.of("lwip-good", ClientKind.OKHTTP, "image", FetchMode.PARALLEL, 2, 2, null, null),
                Arguments.of("lwip-good", ClientKind.CHROMIUM, "image", FetchMode.SEQUENTIAL, 1, 2, null, null),
                Arguments.of("lwip-selfsigned", ClientKind.OKHTTP, "system", FetchMode.SEQUENTIAL, 1, 2,
                        "certificate-rejected", "mbedtls_ssl_handshake failed"),
                Arguments.of("lwip-selfsigned", ClientKind.CHROMIUM, "system", FetchMode.SEQUENTIAL, 1, 2,
                        "certificate-rejected", "fatal alert message (msg 46)"),
                Arguments.of("lwip-pathlen0", ClientKind.OKHTTP, "image", FetchMode.SEQUENTIAL, 1, 2,
                        "certificate-rejected", "mbedtls_ssl_handshake failed"),
                Arguments.of("lwip-small-heap", ClientKind.OKHTTP, "image", FetchMode.PARALLEL, 2, 3,
                        "concurrency", "mbedtls_ssl_setup failed"),
                Arguments.of("lwip-session-cache", ClientKind.OKHTTP, "image", FetchMode.SEQUENTIAL, 2, 8,
                        "leak", "could not allocate"));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("scenarios")
    void theDiagnosisNamesTheRootCauseAndAnalyzeFindsTheCampaignsSessions(String image, ClientKind client, String trust,
                                                                          FetchMode mode, int boots, int rounds,
                                                                          String expectedRule, String boardLine) throws Exception {
        CampaignSpec spec = new CampaignSpec(boots, rounds, mode, ResetKind.SOFT, List.of("/dashboard.html", "/style.css"), 6,
                Duration.ofSeconds(30), Duration.ofSeconds(15));
        CampaignResult result = new ReferenceBoardRunner(ProjectLayout.locate(), runs).withClient(client)
                .run(image, spec, TrustOption.parse(trust), new CampaignListener() { }).result();

        LwipBoardAssertions.diagnosisNames(result, expectedRule, boardLine);
        LwipBoardAssertions.analyzeFindsTheCampaignsSessions(result);
    }
}
