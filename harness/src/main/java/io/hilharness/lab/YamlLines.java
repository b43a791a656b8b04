package io.hilharness.lab;

/**
 * Finds the line of a key path in YAML text, for errors about values Jackson accepted but the lab
 * cannot use (Jackson's tree keeps no locations). Follows the path by indentation: each key must be
 * indented deeper than its parent's.
 */
final class YamlLines {
    private final String[] lines;

    YamlLines(String text) {
        this.lines = text.split("\n", -1);
    }

    /** 1-based line of the deepest key of {@code path} that was found; 0 if not even the first was. */
    int lineOf(String... path) {
        int from = 0;
        int parentIndent = -1;
        int found = 0;
        for (String key : path) {
            int hit = -1;
            for (int i = from; i < lines.length; i++) {
                String line = lines[i];
                String stripped = line.stripLeading();
                if (stripped.isEmpty() || stripped.startsWith("#")) {
                    continue;
                }
                int indent = line.length() - stripped.length();
                if (indent <= parentIndent && i > from) {
                    break; // left the parent's block
                }
                if (stripped.startsWith(key + ":") || stripped.startsWith("\"" + key + "\":")) {
                    hit = i;
                    parentIndent = indent;
                    break;
                }
            }
            if (hit < 0) {
                return found;
            }
            found = hit + 1;
            from = hit + 1;
        }
        return found;
    }
}
