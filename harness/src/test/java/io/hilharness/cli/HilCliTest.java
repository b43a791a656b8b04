package io.hilharness.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** Configuration errors end with exit code 2 and one clear line, never a stack trace. */
class HilCliTest {
    @TempDir
    Path runs;

    private record Result(int exitCode, String err) {
    }

    private static Result run(String... args) {
        CommandLine cli = HilCli.commandLine();
        StringWriter err = new StringWriter();
        cli.setErr(new PrintWriter(err));
        cli.setOut(new PrintWriter(new StringWriter()));
        int code = cli.execute(args);
        return new Result(code, err.toString());
    }

    @Test
    void anUnknownImageIsAConfigErrorNamingTheKnownImages() {
        Result result = run("run", "--image", "no-such-image", "--runs-dir", runs.toString());
        assertEquals(2, result.exitCode());
        assertTrue(result.err().contains("no image named 'no-such-image'"), result.err());
        assertTrue(result.err().contains("lab-ca"), result.err());
        assertFalse(result.err().contains("\tat "), "no stack trace without --debug: " + result.err());
    }

    @Test
    void badOptionValuesAreConfigErrors() {
        Result mode = run("run", "--image", "lab-ca", "--mode", "turbo", "--runs-dir", runs.toString());
        assertEquals(2, mode.exitCode());
        assertTrue(mode.err().contains("--mode: 'turbo' is not one of [sequential, keepalive, parallel]"), mode.err());

        Result boots = run("run", "--image", "lab-ca", "--boots", "0", "--runs-dir", runs.toString());
        assertEquals(2, boots.exitCode());
        assertTrue(boots.err().contains("boots must be at least 1"), boots.err());

        // A timeout of 0 would mean no timeout at all (a request to a hung board waits forever), and a
        // parallel run of 0 connections fetches nothing: each is refused before a run folder exists.
        for (List<String> bad : List.of(List.of("--fetch-timeout", "0"), List.of("--ready-timeout", "0"),
                List.of("--parallel", "0"), List.of("--boots", "1", "--rounds", "100000000"))) {
            List<String> args = new ArrayList<>(List.of("run", "--image", "lab-ca", "--runs-dir", runs.toString()));
            args.addAll(bad);
            Result r = run(args.toArray(String[]::new));
            assertEquals(2, r.exitCode(), bad + ": " + r.err());
            assertEquals(1, r.err().lines().count(), r.err());
        }
        assertFalse(java.nio.file.Files.exists(runs) && runs.toFile().list().length > 0, "no run folder for bad options");

        Result unknownOption = run("run", "--image", "lab-ca", "--bogus");
        assertEquals(2, unknownOption.exitCode());
    }

    /** Every command, at every level, answers --help with its usage and exit code 0. */
    @Test
    void everyCommandHasHelp() {
        List<List<String>> commands = new ArrayList<>();
        collect(HilCli.commandLine(), List.of("hil"), commands);
        assertTrue(commands.size() > 15, "commands found: " + commands);
        for (List<String> command : commands) {
            CommandLine cli = HilCli.commandLine();
            StringWriter out = new StringWriter();
            cli.setOut(new PrintWriter(out));
            cli.setErr(new PrintWriter(new StringWriter()));
            List<String> args = new ArrayList<>(command.subList(1, command.size()));
            args.add("--help");
            assertEquals(0, cli.execute(args.toArray(String[]::new)), String.join(" ", command) + " --help");
            assertTrue(out.toString().startsWith("Usage: " + String.join(" ", command) + " "), out.toString());
        }
    }

    /** {@code command} (its names from "hil" on) and every command below it. */
    private static void collect(CommandLine command, List<String> names, List<List<String>> into) {
        into.add(names);
        for (CommandLine sub : new LinkedHashSet<>(command.getSubcommands().values())) { // aliases map to one command
            List<String> subNames = new ArrayList<>(names);
            subNames.add(sub.getCommandName());
            collect(sub, subNames, into);
        }
    }

    @Test
    void debugShowsTheStackTrace() {
        Result result = run("run", "--image", "no-such-image", "--runs-dir", runs.toString(), "--debug");
        assertEquals(2, result.exitCode());
        assertTrue(result.err().contains("\tat "), result.err());
    }
}
