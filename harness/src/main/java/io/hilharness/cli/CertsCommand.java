package io.hilharness.cli;

import picocli.CommandLine.Command;

/** {@code hil certs}: diagnose certificate chains and make bench PKIs. */
@Command(name = "certs", description = "Certificate doctor and lab PKI.",
        subcommands = {CertsDoctorCommand.class, CertsIssueCommand.class})
final class CertsCommand {
}
