package io.hilharness.lab.lava;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hilharness.image.FirmwareImage;
import io.hilharness.image.ProjectLayout;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code harness/bin/hil pdu serve}, run as a lab runs it: the reference board on a bench, its power and
 * flash behind a loopback HTTP switch, its UART on a pty that outlives power cuts. Its addresses are read
 * from what it prints on start; closing it is a SIGTERM, after which the board is off and the UART gone.
 */
final class PduProcess implements AutoCloseable {
    private static final Duration START = Duration.ofMinutes(3);
    private static final Pattern URL = Pattern.compile("(?m)^pdu: (http://\\S+) ");
    private static final Pattern UART = Pattern.compile("(?m)^uart: (\\S+)$");
    private static final Pattern BOARD = Pattern.compile("(?m)^board: 127\\.0\\.0\\.1:(\\d+) ");

    private final Process process;
    private final Path output;
    private final URI url;
    private final Path uart;
    private final int boardPort;

    private PduProcess(Process process, Path output, URI url, Path uart, int boardPort) {
        this.process = process;
        this.output = output;
        this.url = url;
        this.uart = uart;
        this.boardPort = boardPort;
    }

    /** A bench in {@code dir}, off, once its switch answers; hil's output goes to {@code dir}/pdu.log. */
    static PduProcess serve(ProjectLayout layout, Path dir, Optional<Path> consoleTee) throws IOException {
        Files.createDirectories(dir);
        Path output = dir.resolve("pdu.log");
        List<String> command = new ArrayList<>(List.of(layout.root().resolve("harness/bin/hil").toString(),
                "pdu", "serve", "--dir", dir.toString()));
        consoleTee.ifPresent(tee -> command.addAll(List.of("--console-tee", tee.toString())));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))).start();
        await().atMost(START).until(() -> !process.isAlive() || BOARD.matcher(Files.readString(output)).find());
        String started = Files.readString(output);
        assertTrue(process.isAlive(), "hil pdu serve ended: " + started);
        return new PduProcess(process, output, URI.create(group(URL, started)), Path.of(group(UART, started)),
                Integer.parseInt(group(BOARD, started)));
    }

    private static String group(Pattern pattern, String text) {
        Matcher m = pattern.matcher(text);
        assertTrue(m.find(), pattern + " not in: " + text);
        return m.group(1);
    }

    /** The UART device a console server shares. */
    Path uart() {
        return uart;
    }

    /** Where the firmware serves HTTPS when on. */
    int boardPort() {
        return boardPort;
    }

    /** The switch's base URL. */
    URI url() {
        return url;
    }

    /** The shell command that does {@code action} (power/on, power/off, flash?image=...) from anywhere on this host. */
    String command(String action) {
        return "busybox wget -q -O /dev/null " + url + "/" + action;
    }

    /** Flashes {@code image} through the switch, as a lab's probe is reached over the network. */
    void flash(FirmwareImage image) throws IOException, InterruptedException {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url + "/flash?image="
                + URLEncoder.encode(image.dir().toString(), StandardCharsets.UTF_8))).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), response.body());
    }

    /** SIGTERM: hil powers the board off, removes the UART and exits 0. */
    @Override
    public void close() throws Exception {
        process.destroy();
        assertTrue(process.waitFor(30, TimeUnit.SECONDS), "hil pdu serve did not stop on SIGTERM: " + output);
        assertEquals(0, process.exitValue(), "hil pdu serve: " + Files.readString(output));
        assertTrue(Files.readString(output).contains("stopped: board off, UART removed"), Files.readString(output));
        assertFalse(Files.exists(uart, LinkOption.NOFOLLOW_LINKS), "the UART link is gone");
    }
}
