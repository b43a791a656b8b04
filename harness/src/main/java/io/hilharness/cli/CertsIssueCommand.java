package io.hilharness.cli;

import io.hilharness.certs.KeyAlgorithm;
import io.hilharness.certs.LabPki;
import io.hilharness.certs.LabPkiFiles;
import io.hilharness.certs.LabPkiRequest;
import io.hilharness.certs.ServerCredential;
import io.hilharness.certs.ServerIdentity;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code hil certs issue}: a bench PKI (root, optional intermediate, server leaf) as PEM and C headers. */
@Command(name = "issue", description = {
        "Create a lab PKI for bench use: root CA, optional intermediate, a server leaf for the given IPs and names.",
        "Writes chain.pem, key.pem (owner-only), ca.pem (for clients), certs.h and key.h (for firmware)."})
final class CertsIssueCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Folder for the files.")
    Path out;

    @Option(names = "--ip", paramLabel = "IP", description = "subjectAltName IP address; repeatable.")
    List<String> ips = new ArrayList<>();

    @Option(names = "--dns", paramLabel = "NAME", description = "subjectAltName DNS name; repeatable.")
    List<String> dnsNames = new ArrayList<>();

    @Option(names = "--name", paramLabel = "CN", description = "Common name of the leaf (default: first IP or name).")
    String name;

    @Option(names = "--intermediate", description = "Issue the leaf from an intermediate CA (root pathLen 1, intermediate pathLen 0).")
    boolean intermediate;

    @Option(names = "--key-type", defaultValue = "ec-p256", paramLabel = "TYPE",
            description = "ec-p256 (default) or rsa-2048.")
    String keyType;

    @Option(names = "--days", defaultValue = "730", description = "Leaf validity in days, default ${DEFAULT-VALUE}.")
    int days;

    @Option(names = "--c-prefix", defaultValue = "lab", description = "Prefix of the C array names, default ${DEFAULT-VALUE}.")
    String cPrefix;

    @Option(names = "--force", description = "Replace existing files, the key included.")
    boolean force;

    @Override
    public Integer call() throws Exception {
        if (ips.isEmpty() && dnsNames.isEmpty()) {
            throw new ParameterException(spec.commandLine(), "give at least one --ip or --dns: clients match only subjectAltName");
        }
        if (days < 1) {
            throw new ParameterException(spec.commandLine(), "--days must be at least 1");
        }
        KeyAlgorithm algorithm = CampaignOptions.parseEnum(KeyAlgorithm.class, "--key-type", keyType);
        String cn = name != null ? name : !ips.isEmpty() ? ips.get(0) : dnsNames.get(0);
        PrintWriter stdout = spec.commandLine().getOut();
        boolean replacing = force && Files.exists(LabPkiFiles.in(out).credentials().key());
        ServerCredential credential = LabPki.issue(new LabPkiRequest(new ServerIdentity(cn, ips, dnsNames),
                intermediate, algorithm, Duration.ofDays(days)));
        LabPkiFiles files = LabPkiFiles.write(credential, out, cPrefix, force);
        if (replacing) {
            stdout.println("replaced the existing key in " + out + " (--force)");
        }
        stdout.println("issued " + credential.leaf().getSubjectX500Principal().getName() + " for "
                + String.join(", ", ips.stream().map(ip -> "IP:" + ip).toList())
                + (ips.isEmpty() || dnsNames.isEmpty() ? "" : ", ")
                + String.join(", ", dnsNames.stream().map(d -> "DNS:" + d).toList())
                + " (" + algorithm.name().toLowerCase().replace('_', '-') + (intermediate ? ", via an intermediate" : "")
                + ", valid " + days + " days)");
        stdout.println("  chain (server sends):  " + files.credentials().chain());
        stdout.println("  key (owner-only):      " + files.credentials().key());
        stdout.println("  trust file (clients):  " + files.credentials().ca());
        stdout.println("  firmware certificates: " + files.certsHeader());
        stdout.println("  firmware key:          " + files.keyHeader() + " (owner-only)");
        stdout.flush();
        return 0;
    }
}
