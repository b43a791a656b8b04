package io.hilharness.lab;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * How to flash a board. {@code method} picks the strategy; the other keys are its parameters (which ones
 * each method needs is checked when the file is read).
 */
public record FlashSpec(
        @JsonProperty(value = "method", required = true) String method,
        @JsonProperty("file") String file,
        @JsonProperty("timeout") Integer timeout,
        @JsonProperty("tool") String tool,
        @JsonProperty("drive") String drive,
        @JsonProperty("probe") String probe,
        @JsonProperty("config") @JsonFormat(with = JsonFormat.Feature.ACCEPT_SINGLE_VALUE_AS_ARRAY) List<String> config,
        @JsonProperty("target") String target,
        @JsonProperty("chip") String chip,
        @JsonProperty("device") String device,
        @JsonProperty("address") String address,
        @JsonProperty("port") String port,
        @JsonProperty("baud") Integer baud,
        @JsonProperty("command") @JsonFormat(with = JsonFormat.Feature.ACCEPT_SINGLE_VALUE_AS_ARRAY) List<String> command,
        @JsonProperty("enter_command") String enterCommand,
        @JsonProperty("hold_line") String holdLine,
        @JsonProperty("reset_line") String resetLine) {

    public static final List<String> METHODS =
            List.of("mass-storage", "openocd", "pyocd", "esptool", "jlink", "st-flash", "command", "ymodem", "xmodem",
                    "reference");
}
