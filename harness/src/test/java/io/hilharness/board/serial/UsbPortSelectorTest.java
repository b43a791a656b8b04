package io.hilharness.board.serial;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hilharness.console.SerialPorts.PortInfo;
import java.util.List;
import org.junit.jupiter.api.Test;

class UsbPortSelectorTest {
    private static final List<PortInfo> PORTS = List.of(
            new PortInfo("/dev/ttyACM0", "STM32 STLink", "066DFF535254887767175337", 0x0483, 0x374b, "1-1.2", "STMicroelectronics"),
            new PortInfo("/dev/ttyACM1", "STM32 STLink", "0670FF484849785087012345", 0x0483, 0x374b, "1-1.3", "STMicroelectronics"),
            new PortInfo("/dev/ttyS0", "Physical Port", "Unknown", -1, -1, "", "Unknown"));

    @Test
    void findsByEachStableAttribute() {
        assertEquals("/dev/ttyACM1", UsbPortSelector.bySerialNumber("0670FF484849785087012345").find(() -> PORTS).orElseThrow().systemPath());
        assertEquals("/dev/ttyACM0", UsbPortSelector.byLocation("1-1.2").find(() -> PORTS).orElseThrow().systemPath());
        assertEquals("/dev/ttyACM1", new UsbPortSelector(null, 0x0483, 0x374b, "1-1.3").find(() -> PORTS).orElseThrow().systemPath());
        assertFalse(UsbPortSelector.bySerialNumber("nope").find(() -> PORTS).isPresent());
    }

    @Test
    void anAmbiguousSelectorNamesTheCandidates() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> UsbPortSelector.byUsbId("0483:374B").find(() -> PORTS));
        assertEquals("USB selector usb(id 0483:374b) matches 2 ports: [/dev/ttyACM0, /dev/ttyACM1]; add usb_serial or usb_location",
                e.getMessage());
        assertFalse(new UsbConsoleTransport(UsbPortSelector.byUsbId("0483:374b"), 115200, () -> PORTS).isPresent());
        assertTrue(new UsbConsoleTransport(UsbPortSelector.byLocation("1-1.3"), 115200, () -> PORTS).isPresent());
    }
}
