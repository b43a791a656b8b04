package io.hilharness.board.qemu;

import io.hilharness.board.lwip.LwipBoard;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The QEMU command line of the board: an MPS2 AN385 (Cortex-M3, CMSDK UART, LAN9118) started halted, so
 * the console is open and the image loaded through the GDB server before the first instruction runs. No
 * {@code -kernel}: QEMU would load it again over the flashed image at every reset.
 */
record QemuCommand(String qemuTool, int gdbPort, int hostPort, Optional<Path> consoleTee) {
    static final String MACHINE = "mps2-an385";
    /** The chardev id of the console, the label QMP's query-chardev names it by. */
    static final String CONSOLE_ID = "console";

    /** @param qmpSocket where the harness listens for QEMU's QMP connection */
    List<String> argv(Path qmpSocket) {
        // prlimit: a QEMU that locks up aborts, and a core file of its guest RAM per crash fills a disk.
        return List.of("prlimit", "--core=0", "--", qemuTool, "-M", MACHINE,
                "-display", "none", "-monitor", "none", "-S",
                "-chardev", "pty,id=" + CONSOLE_ID + consoleTee.map(t -> ",logfile=" + option(t) + ",logappend=on").orElse(""),
                "-serial", "chardev:" + CONSOLE_ID,
                "-gdb", "tcp:127.0.0.1:" + gdbPort,
                "-qmp", "unix:" + option(qmpSocket),
                "-nic", "user,model=lan9118,hostfwd=tcp:127.0.0.1:" + hostPort + "-:" + LwipBoard.HTTPS_PORT);
    }

    /** QEMU's option syntax splits at commas; a comma inside a value is written twice. */
    private static String option(Path path) {
        return path.toAbsolutePath().toString().replace(",", ",,");
    }
}
