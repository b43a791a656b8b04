package io.hilharness.console;

import java.io.IOException;
import java.time.Duration;

/**
 * A transport that passes every call to another one; subclasses override only what they change
 * (typically {@link #read(byte[])}), so wrappers do not restate the whole interface.
 */
public abstract class ForwardingTransport implements ConsoleTransport {
    protected final ConsoleTransport delegate;

    protected ForwardingTransport(ConsoleTransport delegate) {
        this.delegate = delegate;
    }

    @Override
    public void open() throws IOException {
        delegate.open();
    }

    @Override
    public int read(byte[] buf) throws IOException {
        return delegate.read(buf);
    }

    @Override
    public void write(byte[] data) throws IOException {
        delegate.write(data);
    }

    @Override
    public boolean sendBreak(Duration duration) {
        return delegate.sendBreak(duration);
    }

    @Override
    public boolean setControlLine(ControlLine line, boolean asserted) {
        return delegate.setControlLine(line, asserted);
    }

    @Override
    public String describe() {
        return delegate.describe();
    }

    @Override
    public boolean isPresent() {
        return delegate.isPresent();
    }

    @Override
    public boolean awaitPresent(Duration max) {
        return delegate.awaitPresent(max);
    }

    @Override
    public boolean canReconnect() {
        return delegate.canReconnect();
    }

    @Override
    public void close() throws IOException {
        delegate.close();
    }
}
