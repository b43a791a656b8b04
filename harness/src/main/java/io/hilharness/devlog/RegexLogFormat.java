package io.hilharness.devlog;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A user-defined format: a regex with named groups {@code time}, {@code level}, {@code file},
 * {@code line} and {@code msg} (all optional; without {@code msg} the text after the match is the
 * message), plus death patterns that mark a boot as crashed. The regex is searched in the first
 * {@link LineText#PREFIX_WINDOW} characters, like the built-in formats.
 */
public final class RegexLogFormat implements LogFormat {

    /** Group names a pattern may use. */
    public static final Set<String> GROUPS = Set.of("time", "level", "file", "line", "msg");

    private final String name;
    private final Pattern pattern;
    private final List<Pattern> deathPatterns;
    private final Set<String> groups;

    public RegexLogFormat(String name, Pattern pattern, List<Pattern> deathPatterns) {
        this.name = Objects.requireNonNull(name, "name");
        this.pattern = Objects.requireNonNull(pattern, "pattern");
        this.deathPatterns = List.copyOf(deathPatterns);
        this.groups = groupNames(pattern);
    }

    /** Named groups of a pattern ({@code Pattern.namedGroups()} is not public before Java 20). */
    public static Set<String> groupNames(Pattern pattern) {
        Set<String> names = new java.util.LinkedHashSet<>();
        Matcher m = NAMED_GROUP.matcher(pattern.pattern());
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }

    private static final Pattern NAMED_GROUP = Pattern.compile("(?<!\\\\)\\(\\?<([a-zA-Z][a-zA-Z0-9]*)>");

    @Override
    public String name() {
        return name;
    }

    public Pattern pattern() {
        return pattern;
    }

    public List<Pattern> deathPatterns() {
        return deathPatterns;
    }

    @Override
    public LogLine parse(String text) {
        Matcher m = LineText.findPrefix(pattern, text);
        if (m == null) {
            return null;
        }
        String message = groups.contains("msg") && m.group("msg") != null
                ? LineText.messageAfter(m.group("msg"), 0)
                : LineText.messageAfter(text, m.end());
        String level = group(m, "level");
        Integer debugLevel = level != null && level.chars().allMatch(Character::isDigit) && !level.isEmpty()
                ? LineText.intOrNull(level.length() > 3 ? null : level) : null;
        String time = group(m, "time");
        String file = group(m, "file");
        String context = LineText.contextOf(message);
        return new LogLine(name, time != null && time.length() <= 18 && time.chars().allMatch(Character::isDigit)
                ? LineText.longOrNull(time) : null,
                severity(level, debugLevel), file == null ? null : LineText.basename(file),
                intOrNull(group(m, "line")), debugLevel, context, LineText.withoutContext(message, context));
    }

    @Override
    public boolean isDeath(String text) {
        String window = text.length() > 4096 ? text.substring(0, 4096) : text;
        for (Pattern death : deathPatterns) {
            if (death.matcher(window).find()) {
                return true;
            }
        }
        return false;
    }

    private String group(Matcher m, String group) {
        return groups.contains(group) ? m.group(group) : null;
    }

    private static Integer intOrNull(String digits) {
        return digits != null && !digits.isEmpty() && digits.length() <= 9 && digits.chars().allMatch(Character::isDigit)
                ? Integer.valueOf(digits) : null;
    }

    private static Severity severity(String level, Integer debugLevel) {
        if (debugLevel != null) {
            return debugLevel == 1 ? Severity.ERROR : Severity.INFO;
        }
        if (level == null) {
            return Severity.INFO;
        }
        String l = level.trim().toUpperCase(Locale.ROOT);
        if (l.startsWith("E") || l.startsWith("F") || l.startsWith("CRIT")) {
            return Severity.ERROR;
        }
        return l.startsWith("W") ? Severity.WARNING : Severity.INFO;
    }
}
