package io.hilharness.capture;

import com.fasterxml.jackson.annotation.JsonIgnore;
import io.hilharness.json.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * What {@code wire.json} holds: the capture file and every client conversation in it, or the reason
 * there is no capture.
 *
 * @param captured      whether a capture was made and read back
 * @param pcap          the pcapng's file name in the run folder; null without capture
 * @param reason        why there is no capture (tool missing, permission), or what may be missing from it;
 *                      null for a complete capture
 * @param boardPort     the board's TCP port the capture filtered on
 * @param conversations one per client connection (per TCP stream), in capture order
 */
public record WireEvidence(boolean captured, String pcap, String reason, int boardPort, List<WireConversation> conversations) {
    public static final String FILE = "wire.json";

    public WireEvidence {
        conversations = conversations == null ? List.of() : List.copyOf(conversations);
    }

    public static WireEvidence unavailable(String reason, int boardPort) {
        return new WireEvidence(false, null, reason, boardPort, List.of());
    }

    /** The conversations from one client source port (usually one; a port can come round again in long runs). */
    @JsonIgnore
    public List<WireConversation> forPort(int clientPort) {
        return conversations.stream().filter(c -> c.clientPort() == clientPort).toList();
    }

    /**
     * The conversation of the client connection from {@code clientPort} that started at {@code start}: a
     * port can come round again in a long run, so the stream that began nearest the connect is taken.
     */
    public Optional<WireConversation> forConnection(int clientPort, Instant start) {
        List<WireConversation> candidates = forPort(clientPort);
        if (start == null || candidates.size() <= 1) {
            return candidates.stream().findFirst();
        }
        return candidates.stream().filter(c -> c.start() != null)
                .min(Comparator.comparing(c -> Duration.between(c.start(), start).abs()));
    }

    /** One line for the terminal: where the capture is, or why there is none. */
    public String headline() {
        return captured ? "wire: " + conversations.size() + " TCP streams in " + pcap + ", per connection in wire.json"
                + (reason == null ? "" : " (" + reason + ")") : "wire: " + reason;
    }

    public void write(Path runDir) throws IOException {
        Path tmp = runDir.resolve(FILE + ".tmp");
        Json.mapper().writerWithDefaultPrettyPrinter().writeValue(tmp.toFile(), this);
        Files.move(tmp, runDir.resolve(FILE), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }

    /** The run folder's wire evidence, or empty when the run had none (older runs, capture not asked). */
    public static Optional<WireEvidence> read(Path runDir) throws IOException {
        Path file = runDir.resolve(FILE);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        return Optional.of(Json.mapper().readValue(file.toFile(), WireEvidence.class));
    }
}
