package io.hilharness.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;

/** {@code hil pdu serve} refuses what it cannot serve with exit code 2 and one line, and leaves nothing behind. */
class PduServeCommandTest {
    @TempDir
    Path dir;

    private String refused(String... args) {
        CommandLine cli = HilCli.commandLine();
        StringWriter err = new StringWriter();
        cli.setErr(new PrintWriter(err));
        cli.setOut(new PrintWriter(new StringWriter()));
        assertEquals(2, cli.execute(args), err.toString());
        assertEquals(1, err.toString().lines().count(), "one line: " + err);
        return err.toString().strip();
    }

    @ParameterizedTest
    @ValueSource(strings = {"0.0.0.0:8080", "192.168.1.10:8080", "[::]:8080"})
    void aListenAddressOffLoopbackIsRefusedBeforeAnythingStarts(String listen) {
        Path bench = dir.resolve("bench");
        assertEquals("hil: --listen " + listen + ": not a loopback address; the power switch runs firmware for whoever "
                + "reaches it, so it listens on 127.0.0.0/8 or ::1 only",
                refused("pdu", "serve", "--dir", bench.toString(), "--listen", listen));
        assertFalse(Files.exists(bench), "no bench was set up");
    }

    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1", "lab-host.example:8080", "127.0.0.1:99999", ":8080"})
    void aListenAddressThatIsNotALoopbackLiteralAndPortIsRefused(String listen) {
        assertEquals("hil: --listen " + listen + ": expected HOST:PORT with HOST 127.x.x.x, [::1] or localhost",
                refused("pdu", "serve", "--dir", dir.resolve("bench").toString(), "--listen", listen));
    }

    @Test
    void loopbackAddressesAreAccepted() throws Exception {
        assertTrue(PduServeCommand.listenAddress("127.0.0.2:0").getAddress().isLoopbackAddress());
        assertTrue(PduServeCommand.listenAddress("[::1]:8080").getAddress().isLoopbackAddress());
        assertEquals(8080, PduServeCommand.listenAddress("localhost:8080").getPort());
    }

    @Test
    void aBenchFolderThatCannotBeMadeIsNamed() throws Exception {
        Path file = Files.writeString(dir.resolve("not-a-folder"), "");
        String err = refused("pdu", "serve", "--dir", file.toString());
        assertTrue(err.startsWith("hil: cannot create the bench folder " + file + ": "), err);
    }
}
