package io.hilharness.lab;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** Real power control for hard resets: two command templates, e.g. uhubctl or a PDU client. */
public record PowerSpec(
        @JsonProperty(value = "on", required = true) @JsonFormat(with = JsonFormat.Feature.ACCEPT_SINGLE_VALUE_AS_ARRAY) List<String> on,
        @JsonProperty(value = "off", required = true) @JsonFormat(with = JsonFormat.Feature.ACCEPT_SINGLE_VALUE_AS_ARRAY) List<String> off,
        @JsonProperty("timeout") Integer timeout) {
}
