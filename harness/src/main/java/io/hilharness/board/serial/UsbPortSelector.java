package io.hilharness.board.serial;

import io.hilharness.console.SerialPorts;
import io.hilharness.console.SerialPorts.PortInfo;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Picks a board's USB serial port by what survives re-enumeration: serial number, VID:PID, physical
 * port location, or several of them together. The device node (/dev/ttyACMn) is looked up anew each time.
 *
 * @param serialNumber USB iSerial, or null
 * @param vendorId     -1 for any
 * @param productId    -1 for any
 * @param location     jSerialComm's port location (bus-port path such as 1-1.2), or null
 */
public record UsbPortSelector(String serialNumber, int vendorId, int productId, String location) {

    public static UsbPortSelector bySerialNumber(String serialNumber) {
        return new UsbPortSelector(serialNumber, -1, -1, null);
    }

    /** "0d28:0204" (hex, as lsusb prints it). */
    public static UsbPortSelector byUsbId(String vidPid) {
        String[] parts = vidPid.split(":", -1);
        if (parts.length != 2) {
            throw new IllegalArgumentException("'" + vidPid + "' is not VID:PID in hex, e.g. 0d28:0204");
        }
        try {
            return new UsbPortSelector(null, Integer.parseInt(parts[0], 16), Integer.parseInt(parts[1], 16), null);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + vidPid + "' is not VID:PID in hex, e.g. 0d28:0204");
        }
    }

    public static UsbPortSelector byLocation(String location) {
        return new UsbPortSelector(null, -1, -1, location);
    }

    public boolean matches(PortInfo port) {
        return (serialNumber == null || serialNumber.equals(port.serialNumber()))
                && (vendorId < 0 || vendorId == port.vendorId())
                && (productId < 0 || productId == port.productId())
                && (location == null || location.equals(port.location()));
    }

    /** The one matching port now; empty if none. Several matches are an error: the lab must say which. */
    public Optional<PortInfo> find(Supplier<List<PortInfo>> ports) {
        List<PortInfo> found = ports.get().stream().filter(this::matches).toList();
        if (found.size() > 1) {
            throw new IllegalStateException("USB selector " + this + " matches " + found.size() + " ports: "
                    + found.stream().map(PortInfo::systemPath).toList() + "; add usb_serial or usb_location");
        }
        return found.stream().findFirst();
    }

    public Optional<PortInfo> find() {
        return find(SerialPorts::list);
    }

    @Override
    public String toString() {
        List<String> parts = new ArrayList<>();
        if (serialNumber != null) {
            parts.add("serial " + serialNumber);
        }
        if (vendorId >= 0 || productId >= 0) {
            parts.add(String.format("id %04x:%04x", vendorId, productId));
        }
        if (location != null) {
            parts.add("location " + location);
        }
        return "usb(" + String.join(", ", parts) + ")";
    }
}
