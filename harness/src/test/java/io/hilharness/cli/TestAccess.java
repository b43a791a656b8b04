package io.hilharness.cli;

import picocli.CommandLine;

/** Lets tests of other packages drive the real command line. */
public final class TestAccess {
    private TestAccess() {
    }

    public static CommandLine commandLine() {
        return HilCli.commandLine();
    }

    /** What {@code hil run} prints while a campaign runs, in its plain-line form (no terminal). */
    public static io.hilharness.campaign.CampaignListener progressLines(java.io.PrintStream out, String label) {
        return new ProgressPrinter(out, label);
    }
}
