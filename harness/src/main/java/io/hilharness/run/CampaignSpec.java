package io.hilharness.run;

import com.fasterxml.jackson.annotation.JsonIgnore;
import io.hilharness.board.ResetKind;
import io.hilharness.certs.Trust;
import io.hilharness.client.FetchMode;
import io.hilharness.client.FetchSettings;
import java.time.Duration;
import java.util.List;

/**
 * What a campaign does: how many boots, how many rounds per boot, how each round fetches, and how
 * the board is reset between boots. The first boot always follows a power cycle after flashing.
 *
 * @param paths        one round's requests in order, normally the page then its stylesheet
 * @param parallelism  PARALLEL mode: connections at once (a browser opens up to 6 per host)
 * @param readyTimeout how long a boot may take to print its ready line before it counts as failed
 * @param roundInterval least time from one round's start to the next one's (zero: back to back). A
 *                      failed handshake takes milliseconds, so without pacing a whole boot's rounds can
 *                      fall inside a fault's first second; users reload at a human pace.
 * @param trust        what the clients trusted; null when not known (a journal of an older harness)
 */
public record CampaignSpec(int boots,
                           int rounds,
                           FetchMode mode,
                           ResetKind reset,
                           List<String> paths,
                           int parallelism,
                           Duration readyTimeout,
                           Duration fetchTimeout,
                           Duration roundInterval,
                           Trust trust) {
    public CampaignSpec {
        if (boots < 1) {
            throw new IllegalArgumentException("boots must be at least 1, not " + boots);
        }
        if (rounds < 1) {
            throw new IllegalArgumentException("rounds must be at least 1, not " + rounds);
        }
        if ((long) boots * rounds > MAX_ROUNDS) {
            // Every planned round is a testcase in junit.xml, run or not: a stopped run of 10^8 rounds
            // would never finish writing it.
            throw new IllegalArgumentException(boots + " boots x " + rounds + " rounds is more than " + MAX_ROUNDS
                    + " rounds; to run until a time, use hil soak --duration");
        }
        if (paths.isEmpty()) {
            throw new IllegalArgumentException("a round needs at least one path to fetch");
        }
        if (parallelism < 1) {
            throw new IllegalArgumentException("parallel connections must be at least 1, not " + parallelism);
        }
        // Zero would not be a short wait but none at all: OkHttp reads a timeout of 0 as "wait forever".
        if (readyTimeout == null || readyTimeout.isNegative() || readyTimeout.isZero()) {
            throw new IllegalArgumentException("the ready timeout must be above 0 s, not " + seconds(readyTimeout));
        }
        if (fetchTimeout == null || fetchTimeout.isNegative() || fetchTimeout.isZero()) {
            throw new IllegalArgumentException("the fetch timeout must be above 0 s, not " + seconds(fetchTimeout));
        }
        paths = List.copyOf(paths);
        roundInterval = roundInterval == null ? Duration.ZERO : roundInterval;
        if (roundInterval.isNegative()) {
            throw new IllegalArgumentException("the round interval cannot be negative");
        }
    }

    private static String seconds(Duration d) {
        return d == null ? "none" : d.toSeconds() + "";
    }

    /** Trust not given: the runner records it when it resolves the campaign's trust. */
    public CampaignSpec(int boots, int rounds, FetchMode mode, ResetKind reset, List<String> paths, int parallelism,
                        Duration readyTimeout, Duration fetchTimeout, Duration roundInterval) {
        this(boots, rounds, mode, reset, paths, parallelism, readyTimeout, fetchTimeout, roundInterval, null);
    }

    /** Rounds back to back. */
    public CampaignSpec(int boots, int rounds, FetchMode mode, ResetKind reset, List<String> paths, int parallelism,
                        Duration readyTimeout, Duration fetchTimeout) {
        this(boots, rounds, mode, reset, paths, parallelism, readyTimeout, fetchTimeout, Duration.ZERO);
    }

    /**
     * Campaigns of more rounds than this (boots x rounds) are long runs: a passed round's evidence is
     * kept only in the journal, not in memory, and the reports are built from the journal at the end
     * ({@link io.hilharness.campaign.Campaign#forgettingPassedRoundEvidence}). A round's evidence is some 200 KB.
     */
    public static final int LONG_RUN_ROUNDS = 500;

    /** Rounds one campaign may plan: at some 5 rounds a second, three weeks. */
    public static final long MAX_ROUNDS = 10_000_000;

    /** The same campaign with another number of boots. */
    public CampaignSpec withBoots(int boots) {
        return new CampaignSpec(boots, rounds, mode, reset, paths, parallelism, readyTimeout, fetchTimeout, roundInterval, trust);
    }

    /** The same campaign, its clients trusting {@code trust}. */
    public CampaignSpec withTrust(Trust trust) {
        return new CampaignSpec(boots, rounds, mode, reset, paths, parallelism, readyTimeout, fetchTimeout, roundInterval, trust);
    }

    /** The same campaign with another ready timeout (a board that boots slower). */
    public CampaignSpec withReadyTimeout(Duration readyTimeout) {
        return new CampaignSpec(boots, rounds, mode, reset, paths, parallelism, readyTimeout, fetchTimeout, roundInterval, trust);
    }

    /** How the campaign's HTTPS client fetches each round. */
    public FetchSettings fetchSettings() {
        return new FetchSettings(mode, parallelism, fetchTimeout);
    }

    /** Whether it has more rounds than {@link #LONG_RUN_ROUNDS}. */
    @JsonIgnore
    public boolean isLongRun() {
        return totalRounds() > LONG_RUN_ROUNDS;
    }

    /** Rounds in all boots. */
    public long totalRounds() {
        return (long) boots * rounds;
    }

    /** The requests of one round: in PARALLEL mode the paths are repeated to fill every connection slot. */
    public List<String> roundRequests() {
        if (mode != FetchMode.PARALLEL || parallelism <= paths.size()) {
            return paths;
        }
        return java.util.stream.IntStream.range(0, parallelism).mapToObj(i -> paths.get(i % paths.size())).toList();
    }
}
