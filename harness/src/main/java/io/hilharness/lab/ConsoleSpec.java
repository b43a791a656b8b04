package io.hilharness.lab;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Where a board's console is: exactly one of a device path (best a /dev/serial/by-id link), a USB
 * serial number, a USB VID:PID, a USB port location, a ser2net {@code tcp://host:port} (raw), or an RFC 2217
 * port {@code host:port} (ser2net's {@code telnet(rfc2217)}: baud, BREAK and DTR/RTS reach the board).
 */
public record ConsoleSpec(
        @JsonProperty("port") String port,
        @JsonProperty("usb_serial") String usbSerial,
        @JsonProperty("usb_id") String usbId,
        @JsonProperty("usb_location") String usbLocation,
        @JsonProperty("tcp") String tcp,
        @JsonProperty("rfc2217") String rfc2217,
        @JsonProperty("baud") Integer baud) {
}
