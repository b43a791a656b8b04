package io.hilharness.cli;

import picocli.CommandLine.Command;

/** {@code hil bench NAME}: performance benchmarks, each next to its baseline from the same run. */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Benchmarks: each prints its figure and its baseline from the same run (see docs/performance.md).",
        subcommands = {
                BenchConsoleCommand.class,
                BenchAnalyzeCommand.class,
        })
final class BenchCommand {
}
