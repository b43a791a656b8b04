package io.hilharness.lab;

import io.hilharness.board.Board;
import io.hilharness.board.BoardException;
import io.hilharness.board.ConsoleCommandReset;
import io.hilharness.board.Flasher;
import io.hilharness.board.PowerCycleReset;
import io.hilharness.board.PowerSwitch;
import io.hilharness.board.ResetKind;
import io.hilharness.board.Resetter;
import io.hilharness.board.command.CommandTemplate;
import io.hilharness.board.command.ToolRunner;
import io.hilharness.board.flash.CommandFlasher;
import io.hilharness.board.flash.FlashTools;
import io.hilharness.board.flash.MassStorageFlasher;
import io.hilharness.board.host.HostBoard;
import io.hilharness.board.flash.GdbFlasher;
import io.hilharness.board.lwip.LwipBoard;
import io.hilharness.board.qemu.QemuBoard;
import io.hilharness.board.reset.BreakReset;
import io.hilharness.board.reset.CommandPowerSwitch;
import io.hilharness.board.reset.CommandReset;
import io.hilharness.board.reset.ControlLinePulseReset;
import io.hilharness.board.flash.BorrowingFlasher;
import io.hilharness.board.flash.SerialBootloaderFlasher;
import io.hilharness.board.container.ContainerBoard;
import io.hilharness.board.serial.SharedPort;
import io.hilharness.board.serial.UsbConsoleTransport;
import io.hilharness.board.serial.UsbPortSelector;
import io.hilharness.console.CommandConsoleTransport;
import io.hilharness.console.Console;
import io.hilharness.console.ConsoleTransport;
import io.hilharness.console.ConsoleTransport.ControlLine;
import io.hilharness.console.Rfc2217Transport;
import io.hilharness.console.SerialTransport;
import io.hilharness.console.TcpTransport;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Builds a {@link Board} from its lab entry: console transport, flasher, resets and power, with every
 * tool's output going to the run folder. The console starts reading here, before any flash or reset.
 */
public final class LabBoards {
    public static final Duration DEFAULT_FLASH_TIMEOUT = Duration.ofSeconds(120);
    public static final Duration DEFAULT_COMMAND_TIMEOUT = Duration.ofSeconds(30);
    public static final String DEFAULT_RESET_COMMAND = HostBoard.REBOOT_COMMAND;
    /** Debian's GDB for every architecture; {@code tool:} names another (e.g. arm-none-eabi-gdb). */
    public static final String DEFAULT_GDB = "gdb-multiarch";

    private LabBoards() {
    }

    /**
     * @param runDir       the run folder: tool output goes to its {@code tools/}; a reference board
     *                     without {@code dir} gets its folder here too
     * @param rawCapture   where the console's bytes go
     */
    public static Board open(LabBoard lab, Path runDir, Path rawCapture) throws IOException {
        return open(lab, runDir, rawCapture, System.getenv());
    }

    /** @param env where a {@code lava} board finds its device's commands ({@link LavaDevice}) */
    public static Board open(LabBoard lab, Path runDir, Path rawCapture, Map<String, String> env) throws IOException {
        if (lab.isContainer()) {
            return container(lab, runDir, rawCapture);
        }
        if (lab.isLava()) {
            return lava(lab, runDir, rawCapture, LavaDevice.from(env));
        }
        if (lab.isLwip()) {
            return lwip(lab, runDir, rawCapture);
        }
        if (lab.isQemu()) {
            return qemu(lab, runDir, rawCapture);
        }
        return lab.isReference() ? reference(lab, runDir, rawCapture) : serial(lab, runDir, rawCapture);
    }

    private static Board container(LabBoard lab, Path runDir, Path rawCapture) throws IOException {
        Board board = ContainerBoard.create(lab.name(), runDir.resolve("board"), rawCapture);
        return new Board(lab.name(), board.console(), board.endpoint(), board.flasher(),
                consoleReset(lab.spec(), board), board.power(), readyPattern(lab.spec()));
    }

    /** The board's own resets, with the soft one's command replaced when the lab file names another. */
    private static List<Resetter> consoleReset(BoardSpec spec, Board board) {
        if (spec.reset() == null || spec.reset().command() == null) {
            return board.resetters();
        }
        List<Resetter> replaced = new ArrayList<>();
        replaced.add(new ConsoleCommandReset(board.console(), spec.reset().command().get(0)));
        board.resetters().stream().filter(r -> r.kind() == ResetKind.HARD).forEach(replaced::add);
        return replaced;
    }

    private static Board reference(LabBoard lab, Path runDir, Path rawCapture) throws IOException {
        BoardSpec spec = lab.spec();
        Path dir = spec.dir() != null ? lab.labFile().toAbsolutePath().getParent().resolve(spec.dir()) : runDir.resolve("board");
        Board host = HostBoard.create(lab.name(), dir, spec.port() == null ? 0 : spec.port(), rawCapture, Optional.empty());
        return new Board(lab.name(), host.console(), host.endpoint(), host.flasher(), consoleReset(spec, host),
                host.power(), readyPattern(spec));
    }

    /** Needs the process in the harness's private network namespace; without it, one line says so. */
    private static Board lwip(LabBoard lab, Path runDir, Path rawCapture) throws IOException {
        BoardSpec spec = lab.spec();
        Path dir = spec.dir() != null ? lab.labFile().toAbsolutePath().getParent().resolve(spec.dir()) : runDir.resolve("board");
        Board board;
        try {
            board = LwipBoard.create(lab.name(), dir, rawCapture, Optional.empty());
        } catch (BoardException e) {
            throw new IOException(e.getMessage(), e);
        }
        return new Board(lab.name(), board.console(), board.endpoint(), board.flasher(), consoleReset(spec, board),
                board.power(), readyPattern(spec));
    }

    /** QEMU's process on loopback: no namespace, its console pty, GDB server and QMP socket are its own. */
    private static Board qemu(LabBoard lab, Path runDir, Path rawCapture) throws IOException {
        BoardSpec spec = lab.spec();
        Path dir = spec.dir() != null ? lab.labFile().toAbsolutePath().getParent().resolve(spec.dir()) : runDir.resolve("board");
        Board board;
        try {
            board = QemuBoard.create(lab.name(), dir, rawCapture, Optional.empty());
        } catch (BoardException e) {
            throw new IOException(e.getMessage(), e);
        }
        return new Board(lab.name(), board.console(), board.endpoint(), board.flasher(), consoleReset(spec, board),
                board.power(), readyPattern(spec));
    }

    private static Board serial(LabBoard lab, Path runDir, Path rawCapture) throws IOException {
        BoardSpec spec = lab.spec();
        // Shared so a flasher can borrow the port (serial bootloader, esptool) without the console reading its replies.
        SharedPort port = new SharedPort(transport(spec.console()));
        Console console = Console.open(port, rawCapture).start();
        Path tools = runDir.resolve("tools");
        Map<String, String> values = values(lab);
        Flasher flasher = flasher(spec.flash(), values, tools, port);
        List<Resetter> resetters = new ArrayList<>();
        resetters.add(softReset(spec, console, values, tools));
        Optional<PowerSwitch> power = Optional.empty();
        if (spec.power() != null) {
            ToolRunner runner = new ToolRunner(tools, seconds(spec.power().timeout(), DEFAULT_COMMAND_TIMEOUT));
            PowerSwitch sw = new CommandPowerSwitch(template(spec.power().on()), template(spec.power().off()), values, runner);
            power = Optional.of(sw);
            resetters.add(new PowerCycleReset(sw));
        }
        InetSocketAddress endpoint = Endpoints.parse(spec.endpoint());
        return new Board(lab.name(), console, endpoint, flasher, resetters, power, readyPattern(spec));
    }

    /**
     * A board LAVA reserved and powers: a serial board whose console (unless the lab file names one, e.g.
     * an RFC 2217 port) is the connection command and whose power and hard reset are the device's
     * commands, unless the lab file gives {@code power:}.
     */
    private static Board lava(LabBoard lab, Path runDir, Path rawCapture, LavaDevice device) throws IOException {
        BoardSpec spec = lab.spec();
        ConsoleTransport transport;
        if (spec.console() != null) {
            transport = transport(spec.console());
        } else {
            String connection = device.connection().orElseThrow(() -> new IllegalArgumentException("board " + lab.name()
                    + " is a lava board but " + LavaDevice.CONNECTION + " is not set (run it in a LAVA docker test action, "
                    + "or give the board a console: in " + lab.labFile() + ")"));
            transport = CommandConsoleTransport.shell(connection);
        }
        SharedPort port = new SharedPort(transport);
        Console console = Console.open(port, rawCapture).start();
        Path tools = runDir.resolve("tools");
        Map<String, String> values = values(lab);
        ToolRunner runner = new ToolRunner(tools, seconds(spec.power() == null ? null : spec.power().timeout(), DEFAULT_COMMAND_TIMEOUT));
        List<Resetter> resetters = new ArrayList<>();
        resetters.add(softReset(spec, console, values, tools));
        Optional<PowerSwitch> power = Optional.empty();
        if (spec.power() != null) {
            power = Optional.of(new CommandPowerSwitch(template(spec.power().on()), template(spec.power().off()), values, runner));
        } else if (device.powerOn().isPresent() && device.powerOff().isPresent()) {
            values.put("lava_power_on", device.powerOn().get());
            values.put("lava_power_off", device.powerOff().get());
            power = Optional.of(new CommandPowerSwitch(shell("lava_power_on"), shell("lava_power_off"), values, runner));
        }
        if (spec.power() == null && device.hardReset().isPresent()) {
            values.put("lava_hard_reset", device.hardReset().get());
            resetters.add(new CommandReset("lava-hard-reset", shell("lava_hard_reset"), values, runner, ResetKind.HARD));
        } else {
            power.ifPresent(p -> resetters.add(new PowerCycleReset(p)));
        }
        Flasher flasher = flasher(spec.flash(), values, tools, port);
        return new Board(lab.name(), console, Endpoints.parse(spec.endpoint()), flasher, resetters, power, readyPattern(spec));
    }

    /**
     * A LAVA command is a shell line ({@code &&}, quotes): run by {@code sh -c}, passed as a placeholder's
     * value, which is never expanded again, so braces in it stay as they are.
     */
    private static CommandTemplate shell(String key) {
        return CommandTemplate.of("sh", "-c", "{" + key + "}");
    }

    /** The console's transport as the lab file names it; also used by {@code hil boards} to check presence. */
    public static ConsoleTransport transport(ConsoleSpec console) {
        int baud = console.baud() == null ? SerialTransport.DEFAULT_BAUD : console.baud();
        if (console.port() != null) {
            return SerialTransport.byPath(Path.of(console.port()), baud);
        }
        if (console.tcp() != null) {
            InetSocketAddress address = Endpoints.parse(console.tcp().substring("tcp://".length()));
            return new TcpTransport(address.getHostString(), address.getPort());
        }
        if (console.rfc2217() != null) {
            InetSocketAddress address = Endpoints.parse(console.rfc2217());
            return new Rfc2217Transport(address.getHostString(), address.getPort(), baud);
        }
        UsbPortSelector byId = console.usbId() == null ? null : UsbPortSelector.byUsbId(console.usbId());
        UsbPortSelector selector = new UsbPortSelector(console.usbSerial(),
                byId == null ? -1 : byId.vendorId(), byId == null ? -1 : byId.productId(), console.usbLocation());
        return new UsbConsoleTransport(selector, baud);
    }

    static Pattern readyPattern(BoardSpec spec) {
        return spec.readyPattern() == null ? Board.DEFAULT_READY : Pattern.compile(spec.readyPattern());
    }

    /** Placeholder values every command template of the board may use. */
    static Map<String, String> values(LabBoard lab) {
        BoardSpec spec = lab.spec();
        FlashSpec flash = spec.flash();
        Map<String, String> values = new LinkedHashMap<>();
        values.put("board", lab.name());
        if (spec.console() != null && spec.console().port() != null) {
            values.put("port", spec.console().port());
        }
        if (flash != null) {
            putIfSet(values, "probe", flash.probe());
            putIfSet(values, "chip", flash.chip());
            putIfSet(values, "device", flash.device());
            putIfSet(values, "target", flash.target());
            putIfSet(values, "drive", flash.drive());
            putIfSet(values, "port", flash.port());
            values.put("baud", Integer.toString(flash.baud() == null ? 460800 : flash.baud()));
            values.put("address", flash.address() != null ? flash.address()
                    : flash.method().equals("esptool") ? "0x0" : FlashTools.STM32_FLASH_BASE);
        }
        return values;
    }

    private static void putIfSet(Map<String, String> values, String key, String value) {
        if (value != null) {
            values.put(key, value);
        }
    }

    static Flasher flasher(FlashSpec flash, Map<String, String> values, Path tools, SharedPort port) {
        ToolRunner runner = new ToolRunner(tools, seconds(flash.timeout(), DEFAULT_FLASH_TIMEOUT));
        if (flash.throughGdb()) {
            return new GdbFlasher(tool(flash, DEFAULT_GDB), flash.gdb(), flash.gdbResetCommand(), flash.elf(), runner);
        }
        boolean probe = flash.probe() != null;
        String file = flash.file();
        return switch (flash.method()) {
            case "mass-storage" -> new MassStorageFlasher(Path.of(flash.drive()), file, runner.timeout(), tools);
            case "openocd" -> new CommandFlasher("openocd", FlashTools.openocd(tool(flash, "openocd"), flash.config(), probe,
                    Optional.ofNullable(flash.address())), values, file, runner);
            case "pyocd" -> new CommandFlasher("pyocd", FlashTools.pyocd(tool(flash, "pyocd"), Optional.ofNullable(flash.target())),
                    values, file, runner);
            case "esptool" -> new BorrowingFlasher(port, new CommandFlasher("esptool", FlashTools.esptool(tool(flash, "esptool")),
                    values, file, runner));
            case "ymodem", "xmodem" -> new SerialBootloaderFlasher(port, new SerialBootloaderFlasher.EnterSequence(
                    Optional.ofNullable(flash.enterCommand()), controlLine(flash.holdLine()), controlLine(flash.resetLine()),
                    ControlLinePulseReset.DEFAULT_WIDTH), flash.method().equals("ymodem"), file, runner.timeout(), tools);
            case "st-flash" -> new CommandFlasher("st-flash", FlashTools.stFlash(tool(flash, "st-flash"), probe), values, file, runner);
            case "jlink" -> new CommandFlasher("jlink", FlashTools.jlink(tool(flash, "JLinkExe"), probe), values, file, runner,
                    Optional.of(FlashTools.jlinkScript()));
            case "command" -> new CommandFlasher("command", template(flash.command()), values, file, runner);
            default -> throw new IllegalArgumentException("unknown flash method " + flash.method());
        };
    }

    static Resetter softReset(BoardSpec spec, Console console, Map<String, String> values, Path tools) {
        ResetSpec reset = spec.reset();
        if (reset == null) {
            return new ConsoleCommandReset(console, DEFAULT_RESET_COMMAND);
        }
        Duration width = reset.widthMs() == null ? null : Duration.ofMillis(reset.widthMs());
        ToolRunner runner = new ToolRunner(tools, seconds(reset.timeout(), DEFAULT_COMMAND_TIMEOUT));
        FlashSpec flash = spec.flash();
        return switch (reset.method()) {
            case "break" -> new BreakReset(console, width == null ? BreakReset.DEFAULT_WIDTH : width);
            case "dtr", "rts" -> new ControlLinePulseReset(console, ControlLine.valueOf(reset.method().toUpperCase()),
                    reset.activeLow() == null || !reset.activeLow(), width == null ? ControlLinePulseReset.DEFAULT_WIDTH : width);
            case "console" -> new ConsoleCommandReset(console,
                    reset.command() == null ? DEFAULT_RESET_COMMAND : reset.command().get(0));
            case "command" -> new CommandReset("command", template(reset.command()), values, runner, ResetKind.SOFT);
            case "flash-tool" -> new CommandReset(flash.method(), flash.method().equals("openocd")
                    ? FlashTools.openocdReset(tool(flash, "openocd"), flash.config(), flash.probe() != null)
                    : FlashTools.pyocdReset(tool(flash, "pyocd"), Optional.ofNullable(flash.target())),
                    values, runner, ResetKind.SOFT);
            default -> throw new IllegalArgumentException("unknown reset method " + reset.method());
        };
    }

    private static Optional<ControlLine> controlLine(String name) {
        return Optional.ofNullable(name).map(n -> ControlLine.valueOf(n.toUpperCase()));
    }

    private static String tool(FlashSpec flash, String standard) {
        return flash.tool() != null ? flash.tool() : standard;
    }

    /** A one-string command is split on blanks; write a YAML list when an argument has a blank in it. */
    static CommandTemplate template(List<String> command) {
        if (command.size() == 1) {
            return new CommandTemplate(List.of(command.get(0).trim().split("\\s+")));
        }
        return new CommandTemplate(command);
    }

    private static Duration seconds(Integer value, Duration standard) {
        return value == null ? standard : Duration.ofSeconds(value);
    }
}
