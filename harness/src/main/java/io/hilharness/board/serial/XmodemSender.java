package io.hilharness.board.serial;

import io.hilharness.console.ConsoleTransport;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;

/**
 * Sends a file by XMODEM-1K or YMODEM (batch of one file, 1K blocks, CRC-16), as U-Boot's {@code loadx}
 * / {@code loady}, lrzsz's {@code rx} / {@code rb} and many vendor bootloaders receive it. Talks over a
 * {@link ConsoleTransport} that nobody else reads meanwhile (the protocol's ACKs are single bytes).
 */
public final class XmodemSender {
    static final byte SOH = 0x01;
    static final byte STX = 0x02;
    static final byte EOT = 0x04;
    static final byte ACK = 0x06;
    static final byte NAK = 0x15;
    static final byte CAN = 0x18;
    static final byte CRC_MODE = 'C';
    static final byte PAD = 0x1A;
    private static final int MAX_RETRIES = 10;

    private final ConsoleTransport link;
    private final Duration startTimeout;
    private final Duration ackTimeout;
    private final byte[] buf = new byte[4096];
    private int bufPos;
    private int bufLen;
    private boolean checksumMode;

    /**
     * @param startTimeout how long the receiver may take to ask for the first block
     * @param ackTimeout   how long it may take to answer one block
     */
    public XmodemSender(ConsoleTransport link, Duration startTimeout, Duration ackTimeout) {
        this.link = link;
        this.startTimeout = startTimeout;
        this.ackTimeout = ackTimeout;
    }

    /** YMODEM: header block with name and size, the data, EOT, then an empty header ending the batch. */
    public void sendYmodem(String name, byte[] data) throws IOException {
        awaitStart(true);
        byte[] header = new byte[128];
        byte[] meta = (name + "\0" + data.length).getBytes(StandardCharsets.US_ASCII);
        if (meta.length >= header.length) {
            throw new IOException("file name too long for a YMODEM header: " + name);
        }
        System.arraycopy(meta, 0, header, 0, meta.length);
        sendBlock(0, header, 0, header.length, SOH);
        awaitStart(true);
        sendData(data);
        sendEot();
        awaitStart(true);
        sendBlock(0, new byte[128], 0, 128, SOH);
    }

    /** XMODEM-1K: the data in 1K blocks (the last padded with 0x1A), then EOT; checksum mode if the receiver asks for it. */
    public void sendXmodem(byte[] data) throws IOException {
        awaitStart(false);
        sendData(data);
        sendEot();
    }

    private void sendData(byte[] data) throws IOException {
        int block = 1;
        for (int off = 0; off < data.length; block++) {
            int left = data.length - off;
            // Short tails go in 128-byte blocks, as the protocol allows, to waste less padding.
            int size = left > 128 ? 1024 : 128;
            int n = Math.min(size, left);
            sendBlock(block, data, off, n, size == 1024 ? STX : SOH);
            off += n;
        }
    }

    private void sendBlock(int number, byte[] data, int off, int n, byte kind) throws IOException {
        int size = kind == STX ? 1024 : 128;
        byte[] payload = Arrays.copyOfRange(data, off, off + size);
        if (n < size) {
            Arrays.fill(payload, n, size, number == 0 ? 0 : PAD);
        }
        byte[] frame = new byte[3 + size + (checksumMode ? 1 : 2)];
        frame[0] = kind;
        frame[1] = (byte) number;
        frame[2] = (byte) ~number;
        System.arraycopy(payload, 0, frame, 3, size);
        if (checksumMode) {
            int sum = 0;
            for (byte b : payload) {
                sum += b & 0xFF;
            }
            frame[3 + size] = (byte) sum;
        } else {
            int crc = Crc16Xmodem.of(payload, 0, size);
            frame[3 + size] = (byte) (crc >> 8);
            frame[4 + size] = (byte) crc;
        }
        for (int attempt = 1; ; attempt++) {
            link.write(frame);
            int answer = awaitAnswer("block " + number);
            if (answer == ACK) {
                return;
            }
            if (attempt == MAX_RETRIES) {
                throw new IOException("receiver rejected block " + number + " " + MAX_RETRIES + " times");
            }
        }
    }

    private void sendEot() throws IOException {
        for (int attempt = 1; ; attempt++) {
            link.write(new byte[] {EOT});
            // Receivers may NAK the first EOT to make sure it is not line noise.
            if (awaitAnswer("EOT") == ACK) {
                return;
            }
            if (attempt == MAX_RETRIES) {
                throw new IOException("receiver did not acknowledge the end of the transfer");
            }
        }
    }

    /** ACK or NAK; CAN twice aborts; anything else (bootloader chatter, line noise) is skipped. */
    private int awaitAnswer(String what) throws IOException {
        long deadline = System.nanoTime() + ackTimeout.toNanos();
        boolean cancel = false;
        while (true) {
            int b = readByte(deadline);
            if (b < 0) {
                throw new IOException("no answer from the receiver to " + what + " within " + ackTimeout.toMillis() + " ms");
            }
            if (b == ACK || b == NAK) {
                return b;
            }
            if (b == CAN) {
                if (cancel) {
                    throw new IOException("the receiver cancelled the transfer at " + what);
                }
                cancel = true;
            }
        }
    }

    /** Waits for 'C' (CRC); plain XMODEM also accepts NAK (checksum mode). Earlier bytes are bootloader chatter. */
    private void awaitStart(boolean crcOnly) throws IOException {
        long deadline = System.nanoTime() + startTimeout.toNanos();
        while (true) {
            int b = readByte(deadline);
            if (b < 0) {
                throw new IOException("the receiver did not start (no 'C' within " + startTimeout.toSeconds() + " s)");
            }
            if (b == CRC_MODE) {
                checksumMode = false;
                return;
            }
            if (b == NAK && !crcOnly) {
                checksumMode = true;
                return;
            }
            if (b == CAN) {
                throw new IOException("the receiver cancelled before the transfer started");
            }
        }
    }

    private int readByte(long deadline) throws IOException {
        while (bufPos == bufLen) {
            if (System.nanoTime() - deadline > 0) {
                return -1;
            }
            int n = link.read(buf);
            if (n < 0) {
                throw new IOException("the serial port went away during the transfer: " + link.describe());
            }
            bufPos = 0;
            bufLen = n;
        }
        return buf[bufPos++] & 0xFF;
    }
}
