package io.hilharness.console;

import com.fazecast.jSerialComm.SerialPort;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Enumerates the host's serial ports (for {@code hil boards}) and finds a board's port by USB serial number. */
public final class SerialPorts {

    /**
     * One serial port as the operating system reports it.
     *
     * @param systemPath   device node, e.g. {@code /dev/ttyACM0}
     * @param description  driver or product description
     * @param serialNumber USB serial number, or "Unknown"
     * @param vendorId     USB vendor id, -1 if not USB
     * @param productId    USB product id, -1 if not USB
     * @param location     physical port location (bus-port path), stable across re-enumeration
     * @param manufacturer USB manufacturer string, or "Unknown"
     */
    public record PortInfo(String systemPath, String description, String serialNumber, int vendorId,
                           int productId, String location, String manufacturer) {
    }

    private SerialPorts() {
    }

    /** All ports the host currently has, as jSerialComm enumerates them. */
    public static List<PortInfo> list() {
        List<PortInfo> out = new ArrayList<>();
        for (SerialPort p : SerialPort.getCommPorts()) {
            out.add(new PortInfo(p.getSystemPortPath(), p.getPortDescription(), p.getSerialNumber(),
                    p.getVendorID(), p.getProductID(), p.getPortLocation(), p.getManufacturer()));
        }
        return out;
    }

    /** The port whose USB serial number equals {@code serialNumber}, if it is plugged in right now. */
    public static Optional<PortInfo> findBySerialNumber(String serialNumber) {
        return list().stream().filter(p -> serialNumber.equals(p.serialNumber())).findFirst();
    }
}
