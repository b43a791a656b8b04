package io.hilharness.analyze;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The JVM options {@code hil analyze} runs with. They live in one file, {@code jvm.options} beside
 * this class, because two readers need them: the launcher ({@code harness/bin/hil}), which cannot
 * start a JVM to ask, and {@code hil bench analyze}, which times the command as a user runs it.
 * Both merge them with the user's options by the same rule ({@link #merged}).
 */
public final class AnalyzeJvmOptions {

    private static final String RESOURCE = "jvm.options";
    /** The options that choose a collector: a JVM given two of them refuses to start. */
    private static final Pattern COLLECTOR = Pattern.compile("-XX:\\+Use(Serial|Parallel|G1|Z|Shenandoah|Epsilon)GC");

    private AnalyzeJvmOptions() {
    }

    /** The options of the file shipped in the jar. */
    public static List<String> shipped() {
        try (InputStream in = AnalyzeJvmOptions.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing beside " + AnalyzeJvmOptions.class.getName());
            }
            return parse(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines().toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One option per line; blank lines and lines starting with {@code #} are not options. */
    static List<String> parse(List<String> lines) {
        List<String> options = new ArrayList<>();
        for (String line : lines) {
            String option = line.strip();
            if (!option.isEmpty() && !option.startsWith("#")) {
                options.add(option);
            }
        }
        return options;
    }

    /**
     * Ours, then the user's: the JVM takes the last of an option given twice, so the user's win. A
     * collector the user chooses replaces ours instead, and an option given alike by both is given once.
     */
    public static List<String> merged(List<String> ours, List<String> user) {
        boolean userCollector = user.stream().anyMatch(AnalyzeJvmOptions::choosesCollector);
        Set<String> merged = new LinkedHashSet<>();
        for (String option : ours) {
            if (!(userCollector && choosesCollector(option)) && !user.contains(option)) {
                merged.add(option);
            }
        }
        merged.addAll(user);
        return List.copyOf(merged);
    }

    static boolean choosesCollector(String option) {
        return COLLECTOR.matcher(option).matches();
    }
}
