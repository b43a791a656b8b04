package io.hilharness.devlog;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the numbers of a firmware status line, {@code boot 3, uptime 1234 ms, sessions 0/8,
 * connections 42, console drops 0}, into {@code boot, uptimeMs, sessions, sessionsMax, connections,
 * consoleDrops}. Unknown items are read the same way, so new counters need no parser change.
 */
final class StatusCounters {

    private static final Pattern ITEM = Pattern.compile(
            "([A-Za-z][A-Za-z ]{0,40}?) ([0-9]{1,18})(?:/([0-9]{1,18}))?( ms)?");

    private StatusCounters() {
    }

    static Map<String, Long> parse(String text) {
        Map<String, Long> counters = new LinkedHashMap<>();
        for (String item : text.split(", ", 64)) {
            Matcher m = ITEM.matcher(item.trim());
            if (!m.matches()) {
                continue;
            }
            String key = camel(m.group(1)) + (m.group(4) != null ? "Ms" : "");
            Long value = LineText.longOrNull(m.group(2));
            if (value != null) {
                counters.put(key, value);
            }
            Long max = LineText.longOrNull(m.group(3));
            if (max != null) {
                counters.put(key + "Max", max);
            }
        }
        return counters;
    }

    private static String camel(String words) {
        StringBuilder sb = new StringBuilder();
        for (String w : words.trim().split(" +")) {
            if (w.isEmpty()) {
                continue;
            }
            String lower = w.toLowerCase(java.util.Locale.ROOT);
            sb.append(sb.length() == 0 ? lower : Character.toUpperCase(lower.charAt(0)) + lower.substring(1));
        }
        return sb.toString();
    }
}
