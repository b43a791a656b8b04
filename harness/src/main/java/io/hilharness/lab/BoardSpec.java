package io.hilharness.lab;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * One board of the lab file as written. {@code kind} is {@code serial} (a real board on a console),
 * {@code reference} (the reference firmware as a host process; {@code dir} and {@code port} apply) or
 * {@code container} (the reference firmware in a container through Testcontainers; needs a container
 * engine, see docs/ci.md), {@code lava} (a serial board in a LAVA docker test action: console and power from
 * LAVA's environment unless given, see docs/lava.md) or {@code lwip} (the lwIP board on a tap of the
 * harness's private network namespace, see docs/lwip-board.md; {@code dir} applies) or {@code qemu} (the QEMU
 * Cortex-M board, reached through a loopback port forward, see docs/user-guide.md; {@code dir} applies). {@code elf} names the ELF file with debug information of
 * the firmware the board runs (relative to the lab file), which decodes its crash addresses (docs/diagnosis.md).
 */
public record BoardSpec(
        @JsonProperty(value = "kind", required = true) String kind,
        @JsonProperty("tags") List<String> tags,
        @JsonProperty("console") ConsoleSpec console,
        @JsonProperty("endpoint") String endpoint,
        @JsonProperty("ready_pattern") String readyPattern,
        @JsonProperty("ready_timeout") Integer readyTimeout,
        @JsonProperty("log_format") String logFormat,
        @JsonProperty("flash") FlashSpec flash,
        @JsonProperty("reset") ResetSpec reset,
        @JsonProperty("power") PowerSpec power,
        @JsonProperty("dir") String dir,
        @JsonProperty("port") Integer port,
        @JsonProperty("elf") String elf) {

    public static final List<String> KINDS = List.of("serial", "reference", "container", "lava", "lwip", "qemu");

    public BoardSpec {
        tags = tags == null ? List.of() : List.copyOf(tags);
    }
}
