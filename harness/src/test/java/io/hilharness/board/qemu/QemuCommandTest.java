package io.hilharness.board.qemu;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class QemuCommandTest {
    @Test
    void startsHaltedWithoutAnImageAndWithItsPortsOnLoopbackOnly() {
        assertEquals(List.of("prlimit", "--core=0", "--", "qemu-system-arm", "-M", "mps2-an385", "-display", "none",
                        "-monitor", "none", "-S", "-chardev", "pty,id=console", "-serial", "chardev:console",
                        "-gdb", "tcp:127.0.0.1:12001", "-qmp", "unix:/b/qmp.sock",
                        "-nic", "user,model=lan9118,hostfwd=tcp:127.0.0.1:12002-:443"),
                new QemuCommand("qemu-system-arm", 12001, 12002, Optional.empty()).argv(Path.of("/b/qmp.sock")));
    }

    @Test
    void aConsoleTeeIsTheConsoleChardevsLogAndCommasInPathsAreEscaped() {
        List<String> argv = new QemuCommand("qemu", 1, 2, Optional.of(Path.of("/runs/a,b/uart.tee"))).argv(Path.of("/x,y/qmp.sock"));
        assertEquals("pty,id=console,logfile=/runs/a,,b/uart.tee,logappend=on", argv.get(argv.indexOf("-chardev") + 1));
        assertEquals("unix:/x,,y/qmp.sock", argv.get(argv.indexOf("-qmp") + 1));
    }
}
