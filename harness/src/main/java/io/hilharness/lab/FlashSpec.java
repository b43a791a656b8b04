package io.hilharness.lab;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * How to flash a board. {@code method} picks the strategy; the other keys are its parameters (which ones
 * each method needs is checked when the file is read). {@code gdb} (host:port of a GDB server) makes
 * {@code gdb}, and the GDB-server variants of {@code openocd}, {@code pyocd} and {@code jlink}, load the
 * image's ELF ({@code elf}, relative to the image folder) through GDB and reset with {@code reset_command}
 * (see docs/flashing-gdb.md).
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
        @JsonProperty("reset_line") String resetLine,
        @JsonProperty("gdb") String gdb,
        @JsonProperty("reset_command") String resetCommand,
        @JsonProperty("elf") String elf) {

    public static final List<String> METHODS =
            List.of("mass-storage", "openocd", "pyocd", "esptool", "jlink", "st-flash", "command", "ymodem", "xmodem",
                    "gdb", "reference");
    /** The methods that also come as a GDB-server variant: the tool's own GDB server, reached at {@code gdb:}. */
    public static final List<String> GDB_SERVER_METHODS = List.of("gdb", "openocd", "pyocd", "jlink");

    /** Flashes through a GDB server rather than by running the tool itself. */
    public boolean throughGdb() {
        return "gdb".equals(method) || (gdb != null && GDB_SERVER_METHODS.contains(method));
    }

    /**
     * The command that resets the target after loading, unless {@code reset_command} names another: each
     * server's documented reset that lets the target run (docs/flashing-gdb.md); plain {@code gdb} has none.
     */
    public String gdbResetCommand() {
        if (resetCommand != null) {
            return resetCommand;
        }
        return switch (method) {
            case "openocd" -> "monitor reset run";
            case "pyocd", "jlink" -> "monitor reset";
            default -> throw new IllegalStateException("flash method gdb needs reset_command (checked when read)");
        };
    }
}
