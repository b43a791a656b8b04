package io.hilharness.lwip;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hilharness.board.ResetKind;
import io.hilharness.campaign.CampaignListener;
import io.hilharness.capture.CaptureSettings;
import io.hilharness.capture.WireCapture;
import io.hilharness.capture.WireConversation;
import io.hilharness.capture.WireEvidence;
import io.hilharness.client.ConnectionRecord;
import io.hilharness.correlate.CorrelatedConnection;
import io.hilharness.image.ProjectLayout;
import io.hilharness.image.TrustOption;
import io.hilharness.run.CampaignResult;
import io.hilharness.run.RoundRecord;
import io.hilharness.runner.ReferenceBoardRunner;
import io.hilharness.testing.CampaignExplained;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code hil run --capture} on the lwIP board: dumpcap inside the private namespace sees the tap's traffic. */
@LwipBoardTest
class LwipCaptureIT {
    @TempDir
    Path runs;

    @Test
    void everyConnectionOfTheCampaignIsOneConversationOnTheWireAndTheCaptureIsComplete() throws Exception {
        CampaignResult result = new ReferenceBoardRunner(ProjectLayout.locate(), runs)
                .withCapture(Optional.of(CaptureSettings.loopback()))
                .run(LwipCampaignIT.IMAGE, LwipCampaignIT.spec(2, 2, ResetKind.SOFT), TrustOption.IMAGE,
                        new CampaignListener() { }).result();

        assertTrue(result.allPassed(), () -> CampaignExplained.of(result));
        WireEvidence wire = WireEvidence.read(result.runDir()).orElseThrow();
        assertTrue(wire.captured(), wire.reason());
        assertNull(wire.reason(), "the capture is proven complete by its end marker");
        assertEquals(443, wire.boardPort());
        assertTrue(Files.size(result.runDir().resolve(WireCapture.PCAP)) > 0);
        List<ConnectionRecord> clients = result.rounds().stream().map(RoundRecord::connections).flatMap(List::stream)
                .map(CorrelatedConnection::client).toList();
        for (ConnectionRecord c : clients) {
            List<WireConversation> found = wire.forPort(c.localPort());
            assertEquals(1, found.size(), () -> "port " + c.localPort() + " in " + wire.conversations());
        }
        assertEquals(clients.size(), wire.conversations().size(), "no connections on the wire beyond the client's");
    }
}
