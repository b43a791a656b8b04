package io.hilharness.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The {@code hil} command line. Exit codes: 0 all passed, 1 some rounds failed, 2 harness or config error.
 * Its attributes are inherited, so every subcommand answers {@code --help} and {@code --version} too.
 */
@Command(name = "hil", mixinStandardHelpOptions = true, version = "hil-harness 0.1.0", scope = CommandLine.ScopeType.INHERIT,
        description = "Hardware-in-the-loop test harness for embedded HTTPS servers.",
        subcommands = {DemoCommand.class, RunCommand.class, ImagesCommand.class, CertsCommand.class,
                ReportCommand.class, DiagnoseCommand.class, AnalyzeCommand.class,
                BoardsCommand.class, ConsoleCommand.class, SoakCommand.class, BenchCommand.class, PduCommand.class})
public final class HilCli {
    public static final int EXIT_CONFIG_ERROR = 2;

    @Option(names = "--debug", scope = CommandLine.ScopeType.INHERIT, description = "Show stack traces of harness errors.")
    boolean debug;

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    static CommandLine commandLine() {
        CommandLine cli = new CommandLine(new HilCli());
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            commandLine.getErr().println("hil: " + ErrorMessages.describe(e));
            if (debugRequested(parseResult)) {
                e.printStackTrace(commandLine.getErr());
            }
            return EXIT_CONFIG_ERROR;
        });
        return cli;
    }

    /** --debug is inherited by every subcommand, so it may have been given at any level. */
    private static boolean debugRequested(CommandLine.ParseResult result) {
        for (CommandLine.ParseResult level = result; level != null; level = level.subcommand()) {
            if (level.hasMatchedOption("--debug")) {
                return true;
            }
        }
        return false;
    }
}
