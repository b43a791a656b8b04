package io.hilharness.lab;

import io.hilharness.board.serial.UsbPortSelector;
import io.hilharness.devlog.LogFormats;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/** Checks what Jackson cannot: a board's settings fit its kind and methods. Each problem names its line. */
final class BoardSpecCheck {
    private final Path file;
    private final YamlLines lines;
    private final List<String> userFormats;

    BoardSpecCheck(Path file, YamlLines lines, List<String> userFormats) {
        this.file = file;
        this.lines = lines;
        this.userFormats = userFormats;
    }

    void check(String name, BoardSpec spec) throws LabConfigException {
        if (spec == null || spec.kind() == null) {
            fail(name, "missing: must be one of " + BoardSpec.KINDS, "kind");
        }
        if (!oneOf(BoardSpec.KINDS, spec.kind())) {
            fail(name, "must be one of " + BoardSpec.KINDS + ", not '" + spec.kind() + "'", "kind");
        }
        if (spec.readyPattern() != null) {
            try {
                Pattern.compile(spec.readyPattern());
            } catch (PatternSyntaxException e) {
                fail(name, "not a regular expression: " + e.getDescription(), "ready_pattern");
            }
        }
        if (spec.readyTimeout() != null && spec.readyTimeout() < 1) {
            fail(name, "must be at least 1 (seconds)", "ready_timeout");
        }
        if (spec.logFormat() != null && !LogFormats.names().contains(spec.logFormat())
                && userFormats.stream().noneMatch(f -> f.equalsIgnoreCase(spec.logFormat()))) {
            List<String> known = new java.util.ArrayList<>(LogFormats.names());
            known.addAll(userFormats);
            fail(name, "must be one of " + known + " (or a format of this file's formats: list), not '"
                    + spec.logFormat() + "'", "log_format");
        }
        if (spec.kind().equals("reference")) {
            checkReference(name, spec);
        } else if (spec.kind().equals("container")) {
            checkContainer(name, spec);
        } else if (spec.kind().equals("lwip")) {
            checkLwip(name, spec);
        } else if (spec.kind().equals("qemu")) {
            checkQemu(name, spec);
        } else {
            checkSerial(name, spec);
        }
        if (spec.reset() != null) {
            checkReset(name, spec);
        }
        if (spec.power() != null) {
            nonEmpty(name, spec.power().on(), "power", "on");
            nonEmpty(name, spec.power().off(), "power", "off");
            positive(name, spec.power().timeout(), "power", "timeout");
        }
    }

    private void checkReference(String name, BoardSpec spec) throws LabConfigException {
        for (var unused : List.of(new Object[] {spec.console(), "console"}, new Object[] {spec.endpoint(), "endpoint"},
                new Object[] {spec.flash(), "flash"}, new Object[] {spec.power(), "power"})) {
            if (unused[0] != null) {
                fail(name, "a reference board has its own (only dir, port, tags, ready_pattern, ready_timeout, "
                        + "log_format and a console reset apply)", (String) unused[1]);
            }
        }
        if (spec.port() != null && (spec.port() < 0 || spec.port() > 65535)) {
            fail(name, "must be 0..65535 (0 picks a free port)", "port");
        }
        if (spec.reset() != null && !spec.reset().method().equals("console")) {
            fail(name, "a reference board resets by console command or power cycle only", "reset", "method");
        }
    }

    private void checkLwip(String name, BoardSpec spec) throws LabConfigException {
        for (var unused : List.of(new Object[] {spec.console(), "console"}, new Object[] {spec.endpoint(), "endpoint"},
                new Object[] {spec.flash(), "flash"}, new Object[] {spec.power(), "power"},
                new Object[] {spec.port(), "port"})) {
            if (unused[0] != null) {
                fail(name, "an lwIP board has its own, on a tap of the harness's private network (only dir, tags, "
                        + "ready_pattern, ready_timeout, log_format and a console reset apply)", (String) unused[1]);
            }
        }
        if (spec.reset() != null && !spec.reset().method().equals("console")) {
            fail(name, "an lwIP board resets by console command or power cycle only", "reset", "method");
        }
    }

    private void checkQemu(String name, BoardSpec spec) throws LabConfigException {
        for (var unused : List.of(new Object[] {spec.console(), "console"}, new Object[] {spec.endpoint(), "endpoint"},
                new Object[] {spec.flash(), "flash"}, new Object[] {spec.power(), "power"},
                new Object[] {spec.port(), "port"})) {
            if (unused[0] != null) {
                fail(name, "a QEMU board has its own (QEMU's console pty, a loopback port forward, its GDB server; only "
                        + "dir, tags, ready_pattern, ready_timeout, log_format, elf and a console reset apply)", (String) unused[1]);
            }
        }
        if (spec.reset() != null && !spec.reset().method().equals("console")) {
            fail(name, "a QEMU board resets by console command or QMP system_reset only", "reset", "method");
        }
    }

    private void checkContainer(String name, BoardSpec spec) throws LabConfigException {
        for (var unused : List.of(new Object[] {spec.console(), "console"}, new Object[] {spec.endpoint(), "endpoint"},
                new Object[] {spec.flash(), "flash"}, new Object[] {spec.power(), "power"},
                new Object[] {spec.dir(), "dir"}, new Object[] {spec.port(), "port"})) {
            if (unused[0] != null) {
                fail(name, "a container board brings its own (only tags, ready_pattern, ready_timeout, log_format "
                        + "and a console reset apply)", (String) unused[1]);
            }
        }
        if (spec.reset() != null && !spec.reset().method().equals("console")) {
            fail(name, "a container board resets by console command or container restart only", "reset", "method");
        }
    }

    private void checkSerial(String name, BoardSpec spec) throws LabConfigException {
        if (spec.dir() != null || spec.port() != null) {
            fail(name, "dir and port apply to reference boards only (a serial board's port is in console)",
                    spec.dir() != null ? "dir" : "port");
        }
        if (spec.console() != null || !spec.kind().equals("lava")) {
            checkConsole(name, spec.console());
        }
        if (spec.endpoint() == null) {
            fail(name, "required: the board's HTTPS address as host:port", "endpoint");
        }
        try {
            Endpoints.parse(spec.endpoint());
        } catch (IllegalArgumentException e) {
            fail(name, e.getMessage(), "endpoint");
        }
        if (spec.flash() == null) {
            fail(name, "required: how to flash the board (method: " + FlashSpec.METHODS + ")", "flash");
        }
        checkFlash(name, spec.flash(), spec.console());
    }

    private void checkConsole(String name, ConsoleSpec console) throws LabConfigException {
        if (console == null) {
            fail(name, "required: port, usb_serial, usb_id, usb_location, tcp or rfc2217", "console");
        }
        List<String> given = new ArrayList<>();
        if (console.port() != null) {
            given.add("port");
        }
        if (console.usbSerial() != null || console.usbId() != null || console.usbLocation() != null) {
            given.add("usb_*");
        }
        if (console.tcp() != null) {
            given.add("tcp");
        }
        if (console.rfc2217() != null) {
            given.add("rfc2217");
        }
        if (given.size() != 1) {
            fail(name, "give exactly one of port, usb_serial/usb_id/usb_location (combinable), tcp, rfc2217; found " + given,
                    "console");
        }
        if (console.usbId() != null) {
            try {
                UsbPortSelector.byUsbId(console.usbId());
            } catch (IllegalArgumentException e) {
                fail(name, e.getMessage(), "console", "usb_id");
            }
        }
        if (console.tcp() != null) {
            if (!console.tcp().startsWith("tcp://")) {
                fail(name, "must look like tcp://host:port (a ser2net port)", "console", "tcp");
            }
            try {
                Endpoints.parse(console.tcp().substring("tcp://".length()));
            } catch (IllegalArgumentException e) {
                fail(name, e.getMessage(), "console", "tcp");
            }
        }
        if (console.rfc2217() != null) {
            try {
                Endpoints.parse(console.rfc2217());
            } catch (IllegalArgumentException e) {
                fail(name, e.getMessage(), "console", "rfc2217");
            }
        }
        positive(name, console.baud(), "console", "baud");
    }

    private void checkFlash(String name, FlashSpec flash, ConsoleSpec console) throws LabConfigException {
        if (!oneOf(FlashSpec.METHODS, flash.method()) || flash.method().equals("reference")) {
            fail(name, "must be one of " + FlashSpec.METHODS.subList(0, FlashSpec.METHODS.size() - 1) + ", not '"
                    + flash.method() + "'", "flash", "method");
        }
        positive(name, flash.timeout(), "flash", "timeout");
        if (flash.gdb() != null && !flash.throughGdb()) {
            fail(name, "a GDB server applies to flash methods " + FlashSpec.GDB_SERVER_METHODS + " only", "flash", "gdb");
        }
        if (flash.throughGdb()) {
            checkGdbFlash(name, flash);
            return;
        }
        if (flash.resetCommand() != null || flash.elf() != null) {
            fail(name, "applies when flashing through a GDB server (method gdb, or gdb: host:port)", "flash",
                    flash.resetCommand() != null ? "reset_command" : "elf");
        }
        switch (flash.method()) {
            case "mass-storage" -> required(name, flash.drive(), "the drive's mount point, e.g. /media/lab/DAPLINK", "drive");
            case "openocd" -> nonEmpty(name, flash.config(), "flash", "config");
            case "pyocd" -> required(name, flash.probe(), "the probe's unique id (pyocd list)", "probe");
            case "esptool" -> {
                required(name, flash.chip(), "e.g. esp32, esp32s3", "chip");
                if (flash.port() == null && (console == null || console.port() == null)) {
                    required(name, null, "the serial port esptool writes to (or give console.port)", "port");
                }
            }
            case "jlink" -> required(name, flash.device(), "the J-Link device name, e.g. STM32F429ZI", "device");
            case "command" -> nonEmpty(name, flash.command(), "flash", "command");
            case "ymodem", "xmodem" -> {
                if ((console == null || console.tcp() != null) && (flash.holdLine() != null || flash.resetLine() != null)) {
                    fail(name, "a tcp or LAVA command console has no DTR/RTS lines", "flash", flash.holdLine() != null ? "hold_line" : "reset_line");
                }
                if (flash.enterCommand() == null && flash.resetLine() == null) {
                    required(name, null, "enter_command (e.g. loady) and/or reset_line (dtr or rts)", "enter_command");
                }
                line(name, flash.holdLine(), "hold_line");
                line(name, flash.resetLine(), "reset_line");
            }
            default -> {
            }
        }
    }

    /** Through a GDB server the tool's own parameters (config, probe, device) belong to the server's command line. */
    private void checkGdbFlash(String name, FlashSpec flash) throws LabConfigException {
        required(name, flash.gdb(), "the GDB server as host:port (QEMU -gdb, J-Link GDB Server, pyOCD gdbserver, "
                + "OpenOCD's gdb port)", "gdb");
        try {
            Endpoints.parse(flash.gdb());
        } catch (IllegalArgumentException e) {
            fail(name, e.getMessage(), "flash", "gdb");
        }
        if (flash.method().equals("gdb")) {
            required(name, flash.resetCommand(), "the server's reset command, e.g. \"monitor reset\" "
                    + "(J-Link, pyOCD) or \"monitor system_reset\" (QEMU)", "reset_command");
        }
        if (flash.resetCommand() != null && flash.resetCommand().isBlank()) {
            fail(name, "must not be empty", "flash", "reset_command");
        }
        if (flash.resetCommand() != null && flash.resetCommand().contains("\n")) {
            fail(name, "one GDB command on one line", "flash", "reset_command");
        }
        for (var unused : List.of(new Object[] {flash.config(), "config"}, new Object[] {flash.probe(), "probe"},
                new Object[] {flash.device(), "device"}, new Object[] {flash.target(), "target"},
                new Object[] {flash.address(), "address"}, new Object[] {flash.file(), "file"})) {
            if (unused[0] != null) {
                fail(name, "belongs to the GDB server's own command line when flashing through gdb: (the ELF is elf:)",
                        "flash", (String) unused[1]);
            }
        }
    }

    private void checkReset(String name, BoardSpec spec) throws LabConfigException {
        ResetSpec reset = spec.reset();
        if (!oneOf(ResetSpec.METHODS, reset.method())) {
            fail(name, "must be one of " + ResetSpec.METHODS + ", not '" + reset.method() + "'", "reset", "method");
        }
        positive(name, reset.widthMs(), "reset", "width_ms");
        positive(name, reset.timeout(), "reset", "timeout");
        if (reset.method().equals("command")) {
            nonEmpty(name, reset.command(), "reset", "command");
        }
        if (reset.method().equals("flash-tool")
                && (spec.flash() == null || !oneOf(List.of("openocd", "pyocd"), spec.flash().method()))) {
            fail(name, "flash-tool reset needs flash method openocd or pyocd", "reset", "method");
        }
        if (reset.method().equals("flash-tool") && spec.flash().throughGdb()) {
            fail(name, "flash-tool reset runs " + spec.flash().method() + " itself, not through its GDB server "
                    + "(give the board a console, command or power reset)", "reset", "method");
        }
        if (reset.command() != null && reset.command().size() > 1 && reset.method().equals("console")) {
            fail(name, "a console reset sends one line", "reset", "command");
        }
    }

    private void line(String name, String value, String key) throws LabConfigException {
        if (value != null && !value.equals("dtr") && !value.equals("rts")) {
            fail(name, "must be dtr or rts, not '" + value + "'", "flash", key);
        }
    }

    private void required(String name, String value, String what, String key) throws LabConfigException {
        if (value == null || value.isBlank()) {
            fail(name, "required for this flash method: " + what, "flash", key);
        }
    }

    private void nonEmpty(String name, List<String> value, String... path) throws LabConfigException {
        if (value == null || value.isEmpty() || value.stream().anyMatch(s -> s == null || s.isBlank())) {
            fail(name, "required: a non-empty command or list", path);
        }
    }

    private void positive(String name, Integer value, String... path) throws LabConfigException {
        if (value != null && value < 1) {
            fail(name, "must be at least 1, not " + value, path);
        }
    }

    private void fail(String board, String problem, String... path) throws LabConfigException {
        String[] full = new String[path.length + 2];
        full[0] = "boards";
        full[1] = board;
        System.arraycopy(path, 0, full, 2, path.length);
        throw new LabConfigException(file, lines.lineOf(full), String.join(".", full), problem);
    }

    /** A missing value is simply not one of them (List.of(...).contains(null) would throw). */
    private static boolean oneOf(List<String> allowed, String value) {
        return value != null && allowed.contains(value);
    }
}
