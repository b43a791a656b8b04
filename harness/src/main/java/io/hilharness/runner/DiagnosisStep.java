package io.hilharness.runner;

import io.hilharness.campaign.FinishingStep;
import io.hilharness.capture.WireCapture;
import io.hilharness.capture.WireEvidence;
import io.hilharness.diagnose.Diagnoser;
import io.hilharness.diagnose.Diagnosis;
import io.hilharness.diagnose.Evidence;
import io.hilharness.run.CampaignResult;
import io.hilharness.run.Journal;
import java.io.IOException;
import java.util.Optional;

/**
 * The campaign's one diagnosis, made after its last round. A packet capture is stopped and read back
 * first (wire.json, read once), so the diagnosis can cite the wire; it is journaled before the end
 * record, and the same diagnosis goes to diagnosis.txt/json and the reports.
 */
final class DiagnosisStep implements FinishingStep {
    private final Optional<WireCapture> capture;
    private Diagnosis diagnosis;
    private Optional<WireEvidence> wire = Optional.empty();

    DiagnosisStep(Optional<WireCapture> capture) {
        this.capture = capture;
    }

    @Override
    public void finish(CampaignResult result, Journal journal) throws IOException, InterruptedException {
        if (capture.isPresent()) {
            capture.get().finish();
        }
        Evidence evidence = Evidence.of(result.image(), result.spec(), result.boots(), result.rounds());
        try {
            wire = WireEvidence.read(result.runDir());
        } catch (IOException unreadable) {
            // The wire rules then have nothing to say; the report's Connections section tells why.
            wire = Optional.empty();
        }
        diagnosis = Diagnoser.standard().diagnose(wire.map(evidence::withWire).orElse(evidence));
        journal.append("diagnosis", diagnosis);
    }

    /** Set once {@link #finish} ran, which the campaign does before its end record. */
    Diagnosis diagnosis() {
        if (diagnosis == null) {
            throw new IllegalStateException("the campaign ended without its finishing step");
        }
        return diagnosis;
    }

    Optional<WireEvidence> wire() {
        return wire;
    }
}
