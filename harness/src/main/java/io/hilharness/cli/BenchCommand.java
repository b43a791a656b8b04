package io.hilharness.cli;

import picocli.CommandLine.Command;

/**
 * {@code hil bench NAME}: performance figures, each printed next to its baseline from the same run
 * (see docs/performance.md). Never part of the tests' assertions: timings are measured, not asserted.
 */
@Command(name = "bench",
        description = "Benchmarks, each side by side with its baseline from the same run (see docs/performance.md).",
        subcommands = {
                BenchFetchCommand.class,
                BenchRebootCommand.class,
                BenchBoardsCommand.class,
                BenchConsoleCommand.class,
                BenchAnalyzeCommand.class,
        })
final class BenchCommand {
}
