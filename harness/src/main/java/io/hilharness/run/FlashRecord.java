package io.hilharness.run;

import java.time.Instant;

/** The image was flashed. */
public record FlashRecord(String image, Instant at) {
}
