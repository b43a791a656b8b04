package io.hilharness.lab;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ConsoleSessionTest {
    @Test
    void deviceTextCannotDriveTheTerminal() {
        assertEquals("ok \\x1b[2J\\x1b]0;owned\\x07 tab\there \\x00 ünïcode",
                ConsoleSession.printable("ok \u001b[2J\u001b]0;owned\u0007 tab\there \u0000 ünïcode"));
    }
}
