package io.hilharness.campaign;

import io.hilharness.board.ResetKind;
import io.hilharness.client.FetchMode;
import java.time.Duration;
import java.util.List;

/**
 * What a campaign does: how many boots, how many rounds per boot, how each round fetches, and how
 * the board is reset between boots. The first boot always follows a power cycle after flashing.
 *
 * @param paths        one round's requests in order, normally the page then its stylesheet
 * @param parallelism  PARALLEL mode: connections at once (a browser opens up to 6 per host)
 * @param readyTimeout how long a boot may take to print its ready line before it counts as failed
 */
public record CampaignSpec(int boots,
                           int rounds,
                           FetchMode mode,
                           ResetKind reset,
                           List<String> paths,
                           int parallelism,
                           Duration readyTimeout,
                           Duration fetchTimeout) {
    public CampaignSpec {
        if (boots < 1) {
            throw new IllegalArgumentException("boots must be at least 1, not " + boots);
        }
        if (rounds < 1) {
            throw new IllegalArgumentException("rounds must be at least 1, not " + rounds);
        }
        if (paths.isEmpty()) {
            throw new IllegalArgumentException("a round needs at least one path to fetch");
        }
        paths = List.copyOf(paths);
    }

    /** The requests of one round: in PARALLEL mode the paths are repeated to fill every connection slot. */
    public List<String> roundRequests() {
        if (mode != FetchMode.PARALLEL || parallelism <= paths.size()) {
            return paths;
        }
        return java.util.stream.IntStream.range(0, parallelism).mapToObj(i -> paths.get(i % paths.size())).toList();
    }
}
