package io.hilharness.testing;

import io.hilharness.board.Board;
import io.hilharness.board.BoardException;
import io.hilharness.board.ConsoleCommandReset;
import io.hilharness.board.PowerCycleReset;
import io.hilharness.board.Resetter;
import io.hilharness.client.Outcome;
import io.hilharness.console.Console;
import io.hilharness.image.FirmwareImage;
import io.hilharness.image.ManifestException;
import io.hilharness.run.RunFolder;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A board for unit tests of the campaign loop, put together from the parts a real board has: a
 * {@link Console} over a {@link ScriptedTransport}, the soft reset that types {@code reboot} on it,
 * a power cycle through a {@link FakePowerSwitch}, a {@link FakeFlasher}. Its firmware is a few lines
 * of Java that print what the reference firmware prints (board log format): a banner and a ready line
 * on each boot, and for each connection the {@link ScriptedRoundClient} makes, the board's lines with
 * the client's port. Boots can be scripted to stay silent, resets and power to fail.
 */
public final class FakeBoard implements AutoCloseable {
    public static final String IMAGE = "fake";
    public static final String REBOOT = "reboot";

    /** How a boot goes: up to its ready line, hung before it (the banner only), or dead before it (an assertion). */
    public enum Boot { READY, SILENT, CRASHING }

    private final ManualClock clock;
    private final ScriptedTransport transport = new ScriptedTransport(this::typed);
    private final Deque<Boot> script = new ConcurrentLinkedDeque<>();
    private final List<String> actions = new CopyOnWriteArrayList<>();
    private final FakeFlasher flasher = new FakeFlasher(this);
    private final FakePowerSwitch power;
    private final FirmwareImage image;
    private final Board board;
    private int boots;
    private long uptimeMs;
    private int servedSinceBoot;
    private int crashAtConnection;
    private boolean dead;

    private FakeBoard(Builder b) throws IOException, ManifestException {
        this.clock = b.clock;
        this.power = b.power ? new FakePowerSwitch(this) : null;
        this.image = writeImage(b.run.boardDir().resolve("image"));
        Console console = Console.builder(transport).rawCapture(b.capture.orElse(b.run.consoleCapture()))
                .clock(clock).threadName("fake-board-console").build().start();
        List<Resetter> resetters = new ArrayList<>(List.of(new ConsoleCommandReset(console, REBOOT)));
        if (power != null) {
            resetters.add(new PowerCycleReset(power));
        }
        this.board = new Board("fake-board", console, new InetSocketAddress("127.0.0.1", 8443), flasher, resetters,
                Optional.ofNullable(power), Board.DEFAULT_READY);
    }

    /** A board with a power switch, its console captured into the run folder, on {@code clock}. */
    public static Builder builder(RunFolder run, ManualClock clock) {
        return new Builder(run, clock);
    }

    public Board board() {
        return board;
    }

    public FirmwareImage image() {
        return image;
    }

    public FakeFlasher flasher() {
        return flasher;
    }

    public FakePowerSwitch power() {
        if (power == null) {
            throw new IllegalStateException("this board has no power switch");
        }
        return power;
    }

    /** A client for this board whose connections the board logs. */
    public ScriptedRoundClient client() {
        return new ScriptedRoundClient(this, clock);
    }

    /** The next boots go so, in order; boots beyond the script get ready. */
    public FakeBoard nextBoots(Boot... boots) {
        Collections.addAll(script, boots);
        return this;
    }

    /**
     * The {@code n}th connection of the next boot that gets so far trips the firmware's assertion, as the
     * reference firmware's {@code crash_after_connections} does: the board prints the assertion and its
     * backtrace with the connection's port and dies (its power switch says so, when it has one). The
     * connection never ends on the board; later ones find nobody there until the next boot.
     */
    public synchronized FakeBoard crashAtConnection(int n) {
        crashAtConnection = n;
        return this;
    }

    /** The next command typed on the console fails as on a console whose device vanished. */
    public FakeBoard consoleVanishesAtNextCommand() {
        transport.failNextWrite(new IOException("the console's device is gone"));
        return this;
    }

    /** What was done to the board, in order: "flash fake", "reboot", "power off", "power on". */
    public List<String> actions() {
        return List.copyOf(actions);
    }

    void record(String action) {
        actions.add(action);
    }

    /** The firmware starts: banner, then (unless scripted silent) the ready line. */
    synchronized void boot(String cause) {
        boots++;
        uptimeMs = 0;
        servedSinceBoot = 0;
        dead = false;
        Boot how = script.isEmpty() ? Boot.READY : script.poll();
        print("main.c 232: boot " + boots + ", reset cause: " + cause + ", image " + IMAGE + ", firmware refboard fake");
        if (how == Boot.READY) {
            print("httpd.c 28: httpd ready, listening on 127.0.0.1:8443, 3 ms after reset");
        } else if (how == Boot.CRASHING) {
            print("ERROR: main.c 140: assertion \"chain != NULL\" failed: file \"src/main.c\", line 140, function: load_credentials");
            dead = true;
            if (power != null) {
                power.die("killed by signal 6 (SIGABRT)");
            }
        }
    }

    /** What the board logs for one client connection from {@code port} that ends with {@code outcome}. */
    synchronized void serve(int port, String path, Outcome outcome) {
        if (dead) {
            return;
        }
        print("tls_server.c 382: accepted connection from 127.0.0.1, port " + port);
        if (++servedSinceBoot == crashAtConnection) {
            crashAtConnection = 0;
            dead = true;
            print("httpd.c 208: GET " + path + ", port " + port);
            print("ERROR: httpd.c 210: assertion \"tls_server_request_slot_free(c)\" failed: file \"src/httpd.c\", "
                    + "line 210, function: handle, port " + port);
            print("ERROR: fault.c 30: Backtrace: 0x402f34 0x403da5 0x406106");
            if (power != null) {
                power.die("killed by signal 6 (SIGABRT)");
            }
        } else if (outcome == Outcome.OK) {
            print("tls_server.c 270: handshake done: TLSv1.2 ECDHE-ECDSA-AES128-GCM-SHA256, port " + port);
            print("httpd.c 208: GET " + path + ", port " + port);
            print("httpd.c 200: sent 100 bytes of " + path + ", status 200, port " + port);
            print("tls_server.c 316: connection closed (close notify), port " + port);
        } else {
            print("ERROR: tls_server.c 267: mbedtls_ssl_handshake failed: -0x7780, port " + port);
            print("tls_server.c 309: connection closed (handshake failed), port " + port);
        }
    }

    private void typed(String command) {
        if (command.equals(REBOOT)) {
            record(REBOOT);
            boot("soft");
        }
    }

    private void print(String line) {
        transport.emit(uptimeMs++ + ": " + line);
    }

    private static FirmwareImage writeImage(Path dir) throws IOException, ManifestException {
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("manifest.yaml"), """
                name: %s
                cert_chain: certs/chain.pem
                private_key: certs/key.pem
                content_dir: content
                log_format: board
                """.formatted(IMAGE));
        return FirmwareImage.load(dir);
    }

    @Override
    public void close() throws BoardException {
        board.close();
    }

    public static final class Builder {
        private final RunFolder run;
        private final ManualClock clock;
        private boolean power = true;
        private Optional<Path> capture = Optional.empty();

        private Builder(RunFolder run, ManualClock clock) {
            this.run = run;
            this.clock = clock;
        }

        /** Soft resets only, as on a board without a switchable supply. */
        public Builder withoutPowerSwitch() {
            this.power = false;
            return this;
        }

        /** Captures the console into {@code file} instead of the run folder's console.raw (e.g. a full disk). */
        public Builder capturingTo(Path file) {
            this.capture = Optional.of(file);
            return this;
        }

        public FakeBoard build() throws IOException, ManifestException {
            return new FakeBoard(this);
        }
    }
}
