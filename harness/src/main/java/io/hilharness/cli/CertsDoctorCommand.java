package io.hilharness.cli;

import io.hilharness.certs.Trust;
import io.hilharness.certs.doctor.CapturedChains;
import io.hilharness.certs.doctor.CertDoctor;
import io.hilharness.certs.doctor.DeviceLogChain;
import io.hilharness.certs.doctor.DoctorFiles;
import io.hilharness.certs.doctor.DoctorInput;
import io.hilharness.certs.doctor.DoctorReport;
import io.hilharness.certs.doctor.LiveCapture;
import io.hilharness.certs.doctor.ReportRenderer;
import io.hilharness.certs.doctor.WireChain;
import io.hilharness.client.ConnectionRecord;
import io.hilharness.diagnose.ConnectionFacts;
import io.hilharness.diagnose.JournalEvidence;
import io.hilharness.image.FirmwareImage;
import io.hilharness.image.ImageManifest;
import io.hilharness.image.ManifestException;
import io.hilharness.image.TrustOption;
import io.hilharness.run.RunFolder;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code hil certs doctor}: says in seconds why a chain cannot work. Exit 0 ok, 1 problems, 2 bad input.
 */
@Command(name = "doctor", description = {
        "Diagnose a certificate chain: from files (PEM or DER), from an image folder, or as a live endpoint sends it.",
        "Exit codes: 0 no errors, 1 problems found, 2 bad input."})
final class CertsDoctorCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(arity = "0..*", paramLabel = "CHAIN", description = "Certificate files, leaf first (PEM or DER).")
    List<Path> chainFiles = new ArrayList<>();

    @Option(names = "--connect", paramLabel = "HOST:PORT", description = "Capture the chain a live server sends.")
    String connect;

    @Option(names = "--image", paramLabel = "DIR",
            description = "An image folder: its manifest names chain, key, trust and out_content_len.")
    Path image;

    @Option(names = "--key", paramLabel = "FILE", description = "The server's private key; checked against the leaf, never shown.")
    Path keyFile;

    @Option(names = "--key-password", arity = "0..1", interactive = true, paramLabel = "PASSWORD",
            description = "Password of an encrypted key (prompted when no value is given).")
    char[] keyPassword;

    @Option(names = "--trust", paramLabel = "system|FILE",
            description = "What clients trust: system (as a browser; the default, except that --image uses its "
                    + "manifest's trust file) or a CA file (PEM or DER).")
    String trust;

    @Option(names = "--pin", paramLabel = "FILE", description = "Clients pin this certificate's key instead.")
    Path pin;

    @Option(names = "--host", paramLabel = "NAME", description = "An address clients use (IP or DNS name); repeatable. "
            + "Default with --connect: its host.")
    List<String> hosts = new ArrayList<>();

    @Option(names = "--device-time", paramLabel = "INSTANT",
            description = "The board's clock (ISO instant or date, e.g. 1970-01-01T00:00:05Z).")
    String deviceTime;

    @Option(names = "--client-time", paramLabel = "INSTANT", description = "Judge validity at this time instead of now.")
    String clientTime;

    @Option(names = "--out-content-len", paramLabel = "BYTES",
            description = "The board's MBEDTLS_SSL_OUT_CONTENT_LEN, to check the chain fits.")
    Integer outContentLen;

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "10", description = "For --connect, default ${DEFAULT-VALUE}.")
    int timeoutSeconds;

    @Option(names = "--device-log", paramLabel = "FILE",
            description = "A board's debug log (e.g. a run's console.raw at mbedTLS debug level 4): the chain it dumped. "
                    + "Alone, it is the chain examined; with another source, it is compared with it byte for byte.")
    Path deviceLog;

    @Option(names = "--capture", paramLabel = "RUN|FILE",
            description = "A run of hil run --capture (its folder, wire.json or capture.pcapng): the server's Certificate "
                    + "message on the wire, compared with the chain each client recorded, with the board's hexdump "
                    + "(--device-log) and with the chain examined. Alone, the chain on the wire is the chain examined.")
    Path capture;

    @Option(names = "--json", description = "Print the report as JSON.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        try {
            return run();
        } finally {
            if (keyPassword != null) {
                Arrays.fill(keyPassword, '\0');
            }
        }
    }

    private int run() throws Exception {
        int sources = (chainFiles.isEmpty() ? 0 : 1) + (connect == null ? 0 : 1) + (image == null ? 0 : 1);
        if (sources > 1 || (sources == 0 && deviceLog == null && capture == null)) {
            throw new ParameterException(spec.commandLine(),
                    "give exactly one of: CHAIN files, --connect HOST:PORT, --image DIR, or --device-log FILE or --capture RUN alone");
        }
        List<X509Certificate> dumped = deviceLog == null ? null : DeviceLogChain.read(deviceLog);
        List<WireChain> onWire = capture == null ? List.of() : CapturedChains.read(capture, CertsDoctorCommand::recorded);
        // Option values first: a typo should not wait for a slow handshake to be reported.
        Instant device = deviceTime == null ? null : instant("--device-time", deviceTime);
        Instant client = clientTime == null ? null : instant("--client-time", clientTime);
        ImageManifest manifest = image == null ? null : ImageManifest.read(image.resolve(ImageManifest.FILE_NAME));
        Trust clientTrust = clientTrust(manifest);
        List<String> names = new ArrayList<>(hosts);
        DoctorInput.Builder input;
        if (connect != null) {
            Endpoint endpoint = Endpoint.parse(spec, connect);
            LiveCapture.Captured captured = LiveCapture.capture(endpoint.host(), endpoint.port(), clientTrust,
                    Duration.ofSeconds(timeoutSeconds));
            if (names.isEmpty()) {
                names.add(endpoint.host());
            }
            input = DoctorInput.builder(connect + " (as sent by the server)", captured.chain())
                    .handshake(captured.handshake());
        } else if (manifest != null) {
            Path chainFile = image.resolve(manifest.certChain());
            input = DoctorInput.builder(chainFile.toString(), DoctorFiles.certificates(chainFile));
            if (keyFile == null) {
                keyFile = image.resolve(manifest.privateKey());
            }
            if (outContentLen == null) {
                outContentLen = manifest.outContentLen();
            }
        } else if (chainFiles.isEmpty() && capture != null) {
            // the Certificate message most connections got; the others are reported as different
            input = DoctorInput.builder("the Certificate message on the wire in " + capture,
                    CapturedChains.mostCommon(onWire));
        } else if (chainFiles.isEmpty()) {
            input = DoctorInput.builder("the chain dumped in " + deviceLog, dumped);
        } else {
            List<X509Certificate> chain = new ArrayList<>();
            for (Path file : chainFiles) {
                chain.addAll(DoctorFiles.certificates(file));
            }
            input = DoctorInput.builder(String.join(" + ", chainFiles.stream().map(Path::toString).toList()), chain);
        }
        if (keyFile != null) {
            PrivateKey key = DoctorFiles.privateKey(keyFile, keyPassword);
            input.key(key, keyFile);
        }
        input.trust(clientTrust).clientNames(names).outContentLen(outContentLen);
        // Alone, the dump is the chain examined; comparing it with itself would say nothing.
        input.deviceTime(device).deviceChain(sources == 0 && capture == null ? null : dumped).wireChains(onWire);
        if (client != null) {
            input.clientTime(client);
        }
        DoctorReport report = CertDoctor.standard().examine(input.build());
        PrintWriter out = spec.commandLine().getOut();
        out.print(json ? ReportRenderer.json(report) : ReportRenderer.table(report));
        out.flush();
        return report.exitCode();
    }

    /** The doctor reads trust files as PEM or DER, and its messages call a CA file a "trust file". */
    private Trust clientTrust(ImageManifest manifest) throws IOException, ManifestException {
        if (pin != null) {
            if (trust != null) {
                throw new ParameterException(spec.commandLine(), "--pin and --trust exclude each other");
            }
            return Trust.pinned(pin, DoctorFiles.certificates(pin));
        }
        FirmwareImage folder = manifest == null ? null : new FirmwareImage(image, manifest);
        TrustOption option = trust != null ? TrustOption.parse(trust)
                : folder != null && folder.trustFile().isPresent() ? TrustOption.IMAGE : TrustOption.SYSTEM;
        if (option.equals(TrustOption.IMAGE) && folder == null) {
            throw new ParameterException(spec.commandLine(), "--trust image needs --image DIR");
        }
        Optional<Path> file = option.caFile(folder);
        return file.isEmpty() ? Trust.system()
                : Trust.caFile(file.get(), DoctorFiles.certificates(file.get())).describedAs("trust file " + file.get());
    }

    private static List<ConnectionRecord> recorded(Path runDir) throws IOException {
        return Files.isRegularFile(RunFolder.stored(new RunFolder(runDir).journal()))
                ? JournalEvidence.read(runDir).connections().stream().map(ConnectionFacts::client).toList() : List.of();
    }

    private Instant instant(String option, String text) {
        try {
            return text.length() == 10 ? LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant() : Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw new ParameterException(spec.commandLine(), option + ": '" + text
                    + "' is not an ISO instant or date (e.g. 1970-01-01T00:00:05Z or 2026-05-01)");
        }
    }

    /** host:port, or [v6]:port. */
    record Endpoint(String host, int port) {
        static Endpoint parse(CommandSpec spec, String text) {
            int colon = text.lastIndexOf(':');
            try {
                String host = text.substring(0, colon).replaceAll("^\\[(.*)]$", "$1");
                int port = Integer.parseInt(text.substring(colon + 1));
                if (host.isEmpty() || port < 1 || port > 65535) {
                    throw new IllegalArgumentException();
                }
                return new Endpoint(host, port);
            } catch (RuntimeException e) {
                throw new ParameterException(spec.commandLine(), "--connect: '" + text + "' is not HOST:PORT");
            }
        }
    }
}
