package io.hilharness.cli;

import io.hilharness.board.LoopbackPorts;
import io.hilharness.board.host.PowerSwitchServer;
import io.hilharness.board.host.ReferenceBench;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * {@code hil pdu serve}: the reference board on a bench as a lab has its boards, for tools that power and
 * flash boards with shell commands and share consoles with a console server (LAVA, ser2net): power and
 * flash over loopback HTTP, the UART on a pty path that survives power cycles. Runs until Ctrl-C or
 * SIGTERM, then powers the board off and removes the UART.
 */
@Command(name = "serve", description = "Run a reference board on a bench: power and flash over loopback HTTP "
        + "(/power/on, /power/off, /flash?image=PATH), its UART on a stable pty. Stops on Ctrl-C or SIGTERM.")
final class PduServeCommand implements Callable<Integer> {
    /** HOST:PORT, the host an IPv4 literal, [IPv6 literal] or localhost: never a name to resolve. */
    private static final Pattern LISTEN = Pattern.compile("(localhost|\\d{1,3}(?:\\.\\d{1,3}){3}|\\[[0-9a-fA-F:.]+])"
            + ":(\\d{1,5})");

    @Option(names = "--dir", required = true, description = "The bench's folder: the board's flash, its UART link, logs.")
    Path dir;

    @Option(names = "--listen", defaultValue = "127.0.0.1:0", description = "Loopback address and port of the power "
            + "switch (default: ${DEFAULT-VALUE}, a free port, printed on start).")
    String listen;

    @Option(names = "--board-port", description = "Loopback port the board serves HTTPS on (default: a free one, printed on start).")
    Integer boardPort;

    @Option(names = "--console-tee", description = "Also write everything the board sends on its UART to this file.")
    Path consoleTee;

    @Override
    public Integer call() throws Exception {
        InetSocketAddress address = listenAddress(listen);
        CountDownLatch stop = new CountDownLatch(1);
        // From the start, so a signal while the bench comes up still stops it cleanly; given back at the end.
        Map<Signal, SignalHandler> previous = new HashMap<>();
        for (String name : List.of("INT", "TERM")) {
            Signal signal = new Signal(name);
            previous.put(signal, Signal.handle(signal, s -> stop.countDown()));
        }
        PrintStream out = System.out;
        try (ReferenceBench bench = ReferenceBench.open(dir, boardPort == null ? LoopbackPorts.free() : boardPort,
                Optional.ofNullable(consoleTee));
             PowerSwitchServer server = PowerSwitchServer.serve(bench, address)) {
            out.println("pdu: " + server.url() + " (/power/on, /power/off, /flash?image=PATH)");
            out.println("uart: " + bench.uart().toAbsolutePath());
            out.println("board: 127.0.0.1:" + bench.boardPort() + " (HTTPS while on)");
            out.println("board is off; Ctrl-C or SIGTERM stops the bench");
            out.flush();
            stop.await();
        } finally {
            previous.forEach(Signal::handle);
        }
        out.println("stopped: board off, UART removed");
        return 0;
    }

    /** {@code spec} as a socket address, refused unless it is on loopback. */
    static InetSocketAddress listenAddress(String spec) throws UnknownHostException {
        Matcher m = LISTEN.matcher(spec);
        if (!m.matches() || Integer.parseInt(m.group(2)) > 65_535) {
            throw new IllegalArgumentException("--listen " + spec + ": expected HOST:PORT with HOST 127.x.x.x, [::1] or localhost");
        }
        String host = m.group(1).startsWith("[") ? m.group(1).substring(1, m.group(1).length() - 1) : m.group(1);
        InetAddress address = host.equals("localhost") ? InetAddress.getLoopbackAddress() : InetAddress.getByName(host);
        if (!address.isLoopbackAddress()) {
            throw new IllegalArgumentException("--listen " + spec + ": not a loopback address; the power switch runs "
                    + "firmware for whoever reaches it, so it listens on 127.0.0.0/8 or ::1 only");
        }
        return new InetSocketAddress(address, Integer.parseInt(m.group(2)));
    }
}
