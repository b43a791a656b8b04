package io.hilharness.board.serial;

import io.hilharness.console.ConsoleTransport;
import io.hilharness.console.SerialPorts.PortInfo;
import io.hilharness.console.SerialTransport;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;

/**
 * A serial console found by {@link UsbPortSelector} on every open: after a power cycle or a flash the
 * board's CDC console may come back as another /dev/ttyACMn, and the console follows it there.
 */
public final class UsbConsoleTransport implements ConsoleTransport {
    private final UsbPortSelector selector;
    private final int baud;
    private final Supplier<List<PortInfo>> ports;
    private volatile SerialTransport current;

    public UsbConsoleTransport(UsbPortSelector selector, int baud, Supplier<List<PortInfo>> ports) {
        this.selector = selector;
        this.baud = baud;
        this.ports = ports;
    }

    public UsbConsoleTransport(UsbPortSelector selector, int baud) {
        this(selector, baud, io.hilharness.console.SerialPorts::list);
    }

    @Override
    public void open() throws IOException {
        close();
        PortInfo port;
        try {
            port = selector.find(ports).orElseThrow(() -> new IOException("no serial port matches " + selector));
        } catch (IllegalStateException ambiguous) {
            throw new IOException(ambiguous.getMessage(), ambiguous);
        }
        SerialTransport transport = SerialTransport.byPath(Path.of(port.systemPath()), baud);
        transport.open();
        current = transport;
    }

    @Override
    public int read(byte[] buf) throws IOException {
        SerialTransport t = current;
        return t == null ? -1 : t.read(buf);
    }

    @Override
    public void write(byte[] data) throws IOException {
        SerialTransport t = current;
        if (t == null) {
            throw new IOException("console " + selector + " is not open");
        }
        t.write(data);
    }

    @Override
    public boolean sendBreak(Duration duration) {
        SerialTransport t = current;
        return t != null && t.sendBreak(duration);
    }

    @Override
    public boolean setControlLine(ControlLine line, boolean asserted) {
        SerialTransport t = current;
        return t != null && t.setControlLine(line, asserted);
    }

    @Override
    public boolean isPresent() {
        try {
            return selector.find(ports).isPresent();
        } catch (IllegalStateException ambiguous) {
            return false;
        }
    }

    @Override
    public String describe() {
        SerialTransport t = current;
        return t == null ? "serial " + selector + " @" + baud : t.describe() + " (" + selector + ")";
    }

    @Override
    public void close() {
        SerialTransport t = current;
        current = null;
        if (t != null) {
            t.close();
        }
    }
}
