package io.hilharness.capture;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Reads a pcapng back with tshark's field output (decoding the board's port as TLS) into conversations. */
public final class WireReader {
    private final String tshark;
    private final Duration timeout;

    public WireReader(String tshark, Duration timeout) {
        this.tshark = tshark;
        this.timeout = timeout;
    }

    public List<WireConversation> read(Path pcap, int boardPort) throws CaptureUnavailableException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(tshark);
        command.addAll(TsharkFields.arguments(pcap.toString(), boardPort));
        Path out = null;
        try {
            // Output to a file, not a pipe: the wait for tshark stays bounded even if it stalls.
            out = Files.createTempFile(pcap.getParent(), ".tshark-", ".tsv");
            Process process = new ProcessBuilder(command).redirectOutput(out.toFile())
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                throw new CaptureUnavailableException(tshark + " did not finish reading " + pcap.getFileName()
                        + " within " + timeout.toSeconds() + " s");
            }
            if (process.exitValue() != 0) {
                throw new CaptureUnavailableException(tshark + " could not read " + pcap.getFileName()
                        + " (exit " + process.exitValue() + ")");
            }
            return TsharkFields.parse(Files.readAllLines(out, StandardCharsets.UTF_8), boardPort);
        } catch (IOException e) {
            throw new CaptureUnavailableException("cannot run " + tshark + ": " + e.getMessage()
                    + " (install the Debian package tshark)", e);
        } finally {
            if (out != null) {
                try {
                    Files.deleteIfExists(out);
                } catch (IOException ignored) {
                    // a leftover temp file is harmless
                }
            }
        }
    }
}
