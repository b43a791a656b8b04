package io.hilharness.cli;

import picocli.CommandLine;

/** Lets tests of other packages drive the real command line. */
public final class TestAccess {
    private TestAccess() {
    }

    public static CommandLine commandLine() {
        return HilCli.commandLine();
    }
}
