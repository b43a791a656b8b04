package io.hilharness.report;

import io.hilharness.run.CampaignResult;
import java.time.Instant;
import java.util.List;

/**
 * A campaign as read back from its run folder.
 *
 * @param result   everything the journal holds, in the shape a live campaign returns
 * @param started  when the campaign began, from its header
 * @param ended    when it ended; null when the journal has no end record (the run was killed)
 * @param notes    what the reader had to put up with (a cut last line, a missing capture), for the report
 */
public record RecordedRun(CampaignResult result, Instant started, Instant ended, List<String> notes) {
    public RecordedRun {
        notes = List.copyOf(notes);
    }

    public boolean complete() {
        return ended != null;
    }
}
