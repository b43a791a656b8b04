package io.hilharness.devlog;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Reads user-defined log formats from a small YAML file (the lab config's {@code formats:} section):
 * <pre>
 * formats:
 *   - name: myboard
 *     pattern: '^\[(?&lt;time&gt;\d+)\] (?&lt;level&gt;[EWID]) (?&lt;file&gt;\S+):(?&lt;line&gt;\d+): (?&lt;msg&gt;.*)'
 *     death: ['PANIC', 'wdt reset']
 * </pre>
 * Read through SnakeYAML's node tree, so every error names the file, the line and the field.
 */
public final class LogFormatsFile {

    /** A mistake in a formats file: the message is {@code file:line: field: problem}. */
    public static final class FormatConfigException extends Exception {
        public FormatConfigException(String message) {
            super(message);
        }
    }

    private LogFormatsFile() {
    }

    public static List<RegexLogFormat> read(Path file) throws IOException, FormatConfigException {
        Node root;
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            root = new Yaml(new LoaderOptions()).compose(reader);
        } catch (YAMLException e) {
            String where = e instanceof org.yaml.snakeyaml.error.MarkedYAMLException m && m.getProblemMark() != null
                    ? String.valueOf(m.getProblemMark().getLine() + 1) : "1";
            throw new FormatConfigException(file + ":" + where + ": not valid YAML: "
                    + firstLine(e.getMessage()));
        }
        if (root == null) {
            throw new FormatConfigException(file + ":1: formats: the file is empty");
        }
        Node formats = field(file, root, "formats", "formats", true);
        if (!(formats instanceof SequenceNode list)) {
            throw error(file, formats, "formats", "expected a list of formats");
        }
        List<RegexLogFormat> result = new ArrayList<>();
        Set<String> names = new HashSet<>(LogFormats.names());
        int i = 0;
        for (Node item : list.getValue()) {
            String path = "formats[" + i++ + "]";
            if (!(item instanceof MappingNode)) {
                throw error(file, item, path, "expected name, pattern and death");
            }
            checkKeys(file, (MappingNode) item, path);
            String name = scalar(file, field(file, item, "name", path + ".name", true), path + ".name");
            if (!name.matches("[A-Za-z0-9_.-]{1,40}")) {
                throw error(file, item, path + ".name", "'" + name + "' must be 1-40 letters, digits, '.', '_' or '-'");
            }
            if (!names.add(name.toLowerCase(java.util.Locale.ROOT))) {
                throw error(file, item, path + ".name", "'" + name + "' is already taken");
            }
            Node patternNode = field(file, item, "pattern", path + ".pattern", true);
            Pattern pattern = compile(file, patternNode, path + ".pattern");
            for (String group : RegexLogFormat.groupNames(pattern)) {
                if (!RegexLogFormat.GROUPS.contains(group)) {
                    throw error(file, patternNode, path + ".pattern",
                            "unknown group '" + group + "', expected some of time, level, file, line, msg");
                }
            }
            List<Pattern> deaths = new ArrayList<>();
            Node death = field(file, item, "death", path + ".death", false);
            if (death instanceof SequenceNode seq) {
                int j = 0;
                for (Node d : seq.getValue()) {
                    deaths.add(compile(file, d, path + ".death[" + j++ + "]"));
                }
            } else if (death != null) {
                throw error(file, death, path + ".death", "expected a list of regular expressions");
            }
            result.add(new RegexLogFormat(name, pattern, deaths));
        }
        return result;
    }

    private static void checkKeys(Path file, MappingNode map, String path) throws FormatConfigException {
        for (NodeTuple t : map.getValue()) {
            String key = t.getKeyNode() instanceof ScalarNode s ? s.getValue() : "?";
            if (!Set.of("name", "pattern", "death").contains(key)) {
                throw error(file, t.getKeyNode(), path + "." + key, "unknown field, expected name, pattern, death");
            }
        }
    }

    private static Node field(Path file, Node map, String key, String path, boolean required)
            throws FormatConfigException {
        if (!(map instanceof MappingNode m)) {
            throw error(file, map, path, "expected a mapping");
        }
        for (NodeTuple t : m.getValue()) {
            if (t.getKeyNode() instanceof ScalarNode s && s.getValue().equals(key)) {
                return t.getValueNode();
            }
        }
        if (required) {
            throw error(file, map, path, "missing");
        }
        return null;
    }

    private static String scalar(Path file, Node node, String path) throws FormatConfigException {
        if (!(node instanceof ScalarNode s) || s.getValue().isEmpty()) {
            throw error(file, node, path, "expected a non-empty text");
        }
        return s.getValue();
    }

    private static Pattern compile(Path file, Node node, String path) throws FormatConfigException {
        String regex = scalar(file, node, path);
        try {
            return Pattern.compile(regex);
        } catch (PatternSyntaxException e) {
            throw error(file, node, path, "invalid regular expression: " + e.getDescription()
                    + " near index " + e.getIndex());
        }
    }

    private static FormatConfigException error(Path file, Node node, String path, String problem) {
        int line = node == null ? 1 : node.getStartMark().getLine() + 1;
        return new FormatConfigException(file + ":" + line + ": " + path + ": " + problem);
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}
