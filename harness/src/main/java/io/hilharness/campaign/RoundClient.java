package io.hilharness.campaign;

import io.hilharness.client.ConnectionRecord;
import java.util.List;

/**
 * What fetches a round from the board: the OkHttp driver, a real browser, or anything else that can
 * say which TCP connections it opened (with their source ports) and how each ended.
 */
@FunctionalInterface
public interface RoundClient {
    /** One round's requests; one record per connection opened, in the order they started. */
    List<ConnectionRecord> runRound(List<String> requests) throws InterruptedException;
}
