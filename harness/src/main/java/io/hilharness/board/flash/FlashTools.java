package io.hilharness.board.flash;

import io.hilharness.board.command.CommandTemplate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The command lines of the usual flash tools, as templates a {@link CommandFlasher} fills in.
 * {@code tool} is the executable (a name on PATH or a path); optional parts are left out when not set.
 */
public final class FlashTools {
    /** Where STM32 internal flash starts: st-flash and OpenOCD need it for raw .bin files. */
    public static final String STM32_FLASH_BASE = "0x08000000";

    private FlashTools() {
    }

    /** {@code openocd -f CFG... [-c "adapter serial {probe}"] -c "program {image} [ADDR] verify reset exit"}. */
    public static CommandTemplate openocd(String tool, List<String> configs, boolean withProbe, Optional<String> address) {
        List<String> argv = new ArrayList<>(List.of(tool));
        for (String config : configs) {
            argv.add("-f");
            argv.add(config);
        }
        if (withProbe) {
            argv.add("-c");
            argv.add("adapter serial {probe}");
        }
        argv.add("-c");
        argv.add("program {image}" + address.map(a -> " " + a).orElse("") + " verify reset exit");
        return new CommandTemplate(argv);
    }

    /** OpenOCD's reset of a running target, for the flash-tool reset method. */
    public static CommandTemplate openocdReset(String tool, List<String> configs, boolean withProbe) {
        List<String> argv = new ArrayList<>(List.of(tool));
        for (String config : configs) {
            argv.add("-f");
            argv.add(config);
        }
        if (withProbe) {
            argv.add("-c");
            argv.add("adapter serial {probe}");
        }
        argv.addAll(List.of("-c", "init", "-c", "reset run", "-c", "shutdown"));
        return new CommandTemplate(argv);
    }

    /** {@code pyocd flash -u {probe} [-t TARGET] {image}}; pyOCD verifies as it programs. */
    public static CommandTemplate pyocd(String tool, Optional<String> target) {
        List<String> argv = new ArrayList<>(List.of(tool, "flash", "-u", "{probe}"));
        target.ifPresent(t -> argv.addAll(List.of("-t", t)));
        argv.add("{image}");
        return new CommandTemplate(argv);
    }

    public static CommandTemplate pyocdReset(String tool, Optional<String> target) {
        List<String> argv = new ArrayList<>(List.of(tool, "reset", "-u", "{probe}"));
        target.ifPresent(t -> argv.addAll(List.of("-t", t)));
        return new CommandTemplate(argv);
    }

    /** {@code esptool --chip {chip} --port {port} --baud {baud} write_flash {address} {image}}; esptool checks a hash after writing. */
    public static CommandTemplate esptool(String tool) {
        return CommandTemplate.of(tool, "--chip", "{chip}", "--port", "{port}", "--baud", "{baud}",
                "write_flash", "{address}", "{image}");
    }

    /** {@code st-flash --serial {probe} --reset write {image} {address}}; st-flash verifies after writing. */
    public static CommandTemplate stFlash(String tool, boolean withProbe) {
        List<String> argv = new ArrayList<>(List.of(tool));
        if (withProbe) {
            argv.addAll(List.of("--serial", "{probe}"));
        }
        argv.addAll(List.of("--reset", "write", "{image}", "{address}"));
        return new CommandTemplate(argv);
    }

    /** J-Link Commander runs a command file: {@link #jlinkScript()} is filled in and passed as {script}. */
    public static CommandTemplate jlink(String tool, boolean withProbe) {
        List<String> argv = new ArrayList<>(List.of(tool, "-device", "{device}", "-if", "SWD", "-speed", "4000",
                "-autoconnect", "1", "-ExitOnError", "1"));
        if (withProbe) {
            argv.addAll(List.of("-USB", "{probe}"));
        }
        argv.addAll(List.of("-CommandFile", "{script}"));
        return new CommandTemplate(argv);
    }

    /** Halt, program, verify against the file, reset and run. */
    public static CommandTemplate jlinkScript() {
        return CommandTemplate.of("r", "h", "loadfile {image} {address}", "verifybin {image} {address}", "r", "g", "exit");
    }

    /**
     * GDB runs a command file ({@link #gdbScript()} filled in, passed as {script}) rather than {@code -ex}
     * commands: GDB goes on after a failed {@code -ex} and its first error, the one that says why, would be
     * buried under the follow-up errors; a command file stops at its first error, which is then its last line.
     */
    public static CommandTemplate gdb(String tool) {
        return CommandTemplate.of(tool, "-nx", "-batch", "-x", "{script}");
    }

    /**
     * Connect to the GDB server at {remote}, load the ELF's loadable sections, reset with the server's own
     * command ({reset}: {@code monitor system_reset} for QEMU, {@code monitor reset} for J-Link and pyOCD),
     * detach so the target runs.
     */
    public static CommandTemplate gdbScript() {
        return CommandTemplate.of("target remote {remote}", "file {image}", "load", "{reset}", "detach");
    }
}
