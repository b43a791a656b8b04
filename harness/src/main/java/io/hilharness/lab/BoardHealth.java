package io.hilharness.lab;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A board's health as its campaigns showed it: the failures of the current streak (flash or boot), and
 * the maintenance it went into when the streak reached the lab's threshold.
 *
 * @param streak      the campaigns in a row whose flash or boot failed, oldest first
 * @param maintenance set while the board is out of service; cleared by a passing health check
 */
public record BoardHealth(@JsonProperty("streak") List<Failure> streak,
                          @JsonProperty("maintenance") Maintenance maintenance) {

    /** One campaign whose flash or boot failed. */
    public record Failure(@JsonProperty("at") Instant at, @JsonProperty("run") String run,
                          @JsonProperty("reason") String reason) {
    }

    /** Why the board was taken out of service, and by which run. */
    public record Maintenance(@JsonProperty("since") Instant since, @JsonProperty("run") String run,
                              @JsonProperty("reason") String reason) {
        public String describe() {
            return "in maintenance since " + since + ": " + reason + " (decided by run " + run + ")";
        }
    }

    public BoardHealth {
        streak = streak == null ? List.of() : List.copyOf(streak);
    }

    public static BoardHealth inService() {
        return new BoardHealth(List.of(), null);
    }

    @JsonIgnore
    public boolean inMaintenance() {
        return maintenance != null;
    }

    /** The streak grown by one; at {@code threshold} failures in a row the board goes into maintenance. */
    BoardHealth failed(Failure failure, int threshold) {
        List<Failure> longer = new ArrayList<>(streak);
        longer.add(failure);
        if (maintenance != null || longer.size() < threshold) {
            return new BoardHealth(longer, maintenance);
        }
        return new BoardHealth(longer, new Maintenance(failure.at(), failure.run(),
                longer.size() + " campaigns in a row failed, the last: " + failure.reason()));
    }
}
