package io.hilharness.cli;

import io.hilharness.lab.BoardHealth;
import io.hilharness.lab.BoardLock;
import io.hilharness.lab.BoardSpec;
import io.hilharness.lab.ConsoleSpec;
import io.hilharness.lab.HealthStore;
import io.hilharness.lab.LabBoard;
import io.hilharness.lab.LabBoards;
import io.hilharness.lab.LabConfig;
import io.hilharness.lab.LockHolder;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code hil boards}: the lab's boards with their live state (console plugged in, locked by whom, health). */
@Command(name = "boards", description = "List the boards of the lab config with their live state.",
        subcommands = BoardsCheckCommand.class)
final class BoardsCommand implements Callable<Integer> {
    @Option(names = {"--lab", "--config"}, description = "Lab config (default: $HIL_LAB_CONFIG, else ~/.config/hil/lab.yaml).")
    Path labFile;

    @Override
    public Integer call() throws Exception {
        LabConfig lab = LabConfig.locateAndRead(labFile);
        PrintStream out = System.out;
        out.printf("lab config: %s (locks in %s)%n", lab.file(), lab.lockDir());
        String format = "%-16s %-9s %-22s %-44s %s%n";
        out.printf(format, "board", "kind", "tags", "console", "lock");
        HealthStore health = HealthStore.of(lab);
        for (LabBoard board : lab.boards()) {
            Optional<LockHolder> holder = BoardLock.holder(lab.lockDir(), board.name());
            out.printf(format, board.name(), board.spec().kind(), String.join(",", board.spec().tags()),
                    console(board.spec()), holder.map(h -> "locked by " + h.describe()).orElse("free"));
            BoardHealth state = health.read(board.name());
            if (state.inMaintenance()) {
                out.println("  MAINTENANCE: " + state.maintenance().describe());
            } else if (!state.streak().isEmpty()) {
                out.printf("  %d of %d failed campaigns in a row before maintenance (last: %s)%n", state.streak().size(),
                        health.policy().threshold(), state.streak().get(state.streak().size() - 1).reason());
            }
        }
        out.flush();
        return 0;
    }

    private static String console(BoardSpec spec) {
        if (spec.console() == null) {
            return switch (spec.kind()) {
                case "container" -> "container (tcp dial-in)";
                case "lava" -> "$LAVA_CONNECTION_COMMAND";
                case "qemu" -> "QEMU process (pty)";
                default -> "host process (pty)";
            };
        }
        ConsoleSpec c = spec.console();
        String where = c.port() != null ? c.port() : c.tcp() != null ? c.tcp() : c.rfc2217() != null ? "rfc2217 " + c.rfc2217()
                : "usb " + String.join(" ", nonNull(c.usbSerial(), c.usbId(), c.usbLocation()));
        String state = c.tcp() != null || c.rfc2217() != null ? "not probed" : LabBoards.transport(c).isPresent() ? "present" : "ABSENT";
        return where + " [" + state + "]";
    }

    private static Iterable<String> nonNull(String... values) {
        return java.util.Arrays.stream(values).filter(v -> v != null).toList();
    }
}
