package io.hilharness.lab;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The lab config's {@code health:} block: after how many campaigns in a row whose flash or boot failed a
 * board goes into maintenance, and the image {@code hil boards check} flashes to bring it back.
 */
public record HealthPolicy(@JsonProperty("maintenance_after") Integer maintenanceAfter,
                           @JsonProperty("image") String image) {
    public static final int DEFAULT_MAINTENANCE_AFTER = 3;
    public static final String DEFAULT_IMAGE = "good";

    public static HealthPolicy defaults() {
        return new HealthPolicy(null, null);
    }

    public int threshold() {
        return maintenanceAfter == null ? DEFAULT_MAINTENANCE_AFTER : maintenanceAfter;
    }

    public String healthImage() {
        return image == null ? DEFAULT_IMAGE : image;
    }
}
