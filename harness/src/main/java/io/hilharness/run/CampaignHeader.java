package io.hilharness.run;

import java.time.Instant;

/**
 * The journal's first record: what ran, on which board, how.
 *
 * @param spec null in journals of a harness that did not record it
 */
public record CampaignHeader(String image, String board, String endpoint, CampaignSpec spec, Instant started) {
}
