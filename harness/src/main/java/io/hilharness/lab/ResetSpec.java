package io.hilharness.lab;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * The soft reset between boots: {@code break} (DAPLink), {@code dtr}/{@code rts} pulse, {@code console}
 * command, {@code flash-tool} (the flash method's own reset), or any {@code command}.
 *
 * @param activeLow the line state that holds the board in reset is "not asserted" (inverted wiring)
 */
public record ResetSpec(
        @JsonProperty(value = "method", required = true) String method,
        @JsonProperty("width_ms") Integer widthMs,
        @JsonProperty("active_low") Boolean activeLow,
        @JsonProperty("timeout") Integer timeout,
        @JsonProperty("command") @JsonFormat(with = JsonFormat.Feature.ACCEPT_SINGLE_VALUE_AS_ARRAY) List<String> command) {

    public static final List<String> METHODS = List.of("break", "dtr", "rts", "console", "flash-tool", "command");
}
