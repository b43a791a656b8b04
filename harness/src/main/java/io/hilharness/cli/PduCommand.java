package io.hilharness.cli;

import picocli.CommandLine.Command;

/** {@code hil pdu}: the network power switch for reference boards on a bench. */
@Command(name = "pdu", description = "Network power switch for reference boards, as a lab's PDU (see docs/lab-setup.md).",
        subcommands = PduServeCommand.class)
final class PduCommand {
}
