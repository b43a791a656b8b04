package io.hilharness.board.command;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A command line with {@code {placeholder}}s, kept as an argument vector (never a shell string) so a
 * path with spaces stays one argument. An unknown placeholder is a configuration error, not a silent
 * empty string.
 */
public record CommandTemplate(List<String> argv) {
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([a-z_]+)}");

    public CommandTemplate {
        if (argv.isEmpty()) {
            throw new IllegalArgumentException("empty command");
        }
        argv = List.copyOf(argv);
    }

    public static CommandTemplate of(String... argv) {
        return new CommandTemplate(List.of(argv));
    }

    /** Every placeholder replaced; throws naming the first one {@code values} does not have. */
    public List<String> expand(Map<String, String> values) {
        List<String> out = new ArrayList<>();
        for (String arg : argv) {
            Matcher m = PLACEHOLDER.matcher(arg);
            StringBuilder sb = new StringBuilder();
            while (m.find()) {
                String value = values.get(m.group(1));
                if (value == null) {
                    throw new IllegalArgumentException("placeholder {" + m.group(1) + "} in '" + arg
                            + "' has no value (known: " + new java.util.TreeSet<>(values.keySet()) + ")");
                }
                m.appendReplacement(sb, Matcher.quoteReplacement(value));
            }
            m.appendTail(sb);
            out.add(sb.toString());
        }
        return out;
    }

    @Override
    public String toString() {
        return String.join(" ", argv);
    }
}
