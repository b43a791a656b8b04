package io.hilharness.lab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hilharness.console.ConsoleTransport;
import io.hilharness.console.Rfc2217Transport;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code console: {rfc2217: host:port, baud: N}} in the lab file. */
class Rfc2217ConsoleSpecTest {
    private static final String LAB = """
            boards:
              remote-1:
                kind: serial
                console: {rfc2217: "lab-server.example:4001", baud: 57600}
                endpoint: 192.168.50.22:443
                flash: {method: command, command: ["true"]}
                reset: {method: dtr}
            """;

    @TempDir
    Path dir;

    private LabConfig read(String text) throws Exception {
        Path file = dir.resolve("lab.yaml");
        Files.writeString(file, text);
        return LabConfig.read(file);
    }

    @Test
    void anRfc2217ConsoleIsATelnetComPortAtItsBaudRate() throws Exception {
        ConsoleSpec console = read(LAB).select("remote-1").get(0).spec().console();
        ConsoleTransport transport = LabBoards.transport(console);
        assertInstanceOf(Rfc2217Transport.class, transport);
        assertEquals("rfc2217 lab-server.example:4001 @57600", transport.describe());
    }

    @Test
    void aBadAddressOrASecondConsoleIsOneLineNamingTheField() throws Exception {
        LabConfigException port = assertThrows(LabConfigException.class,
                () -> read(LAB.replace("lab-server.example:4001", "lab-server.example")));
        assertTrue(port.getMessage().contains(":4: field 'boards.remote-1.console.rfc2217': 'lab-server.example' is not host:port"),
                port.getMessage());
        LabConfigException two = assertThrows(LabConfigException.class,
                () -> read(LAB.replace("baud: 57600", "tcp: tcp://lab-server.example:4002")));
        assertTrue(two.getMessage().contains("field 'boards.remote-1.console': give exactly one of"), two.getMessage());
        assertTrue(two.getMessage().contains("[tcp, rfc2217]"), two.getMessage());
    }
}
