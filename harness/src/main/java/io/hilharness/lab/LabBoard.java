package io.hilharness.lab;

import java.nio.file.Path;

/** A board as the lab file names it, with where it was configured (for error messages). */
public record LabBoard(String name, BoardSpec spec, Path labFile) {
    public boolean isContainer() {
        return "container".equals(spec.kind());
    }

    /** A board reserved by LAVA: console and power come from the docker test action's environment. */
    public boolean isLava() {
        return "lava".equals(spec.kind());
    }

    public boolean isReference() {
        return "reference".equals(spec.kind());
    }

    /** The lwIP board (lwIP's httpd over altcp_tls) on a tap in the harness's private network namespace. */
    public boolean isLwip() {
        return "lwip".equals(spec.kind());
    }

    /** The QEMU Cortex-M board: QEMU's process, flashed through its GDB server, HTTPS through a loopback forward. */
    public boolean isQemu() {
        return "qemu".equals(spec.kind());
    }

    public boolean hasTag(String tag) {
        return spec.tags().contains(tag);
    }
}
