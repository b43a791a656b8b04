package io.hilharness.console;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SerialPortsTest {

    @Test
    void listsPortsAndDoesNotFindAnUnknownSerialNumber() {
        assertNotNull(SerialPorts.list());
        assertTrue(SerialPorts.findBySerialNumber("no-such-serial-0000").isEmpty());
        SerialTransport t = SerialTransport.bySerialNumber("no-such-serial-0000");
        assertFalse(t.isPresent());
        assertTrue(t.describe().contains("no-such-serial-0000"));
    }
}
