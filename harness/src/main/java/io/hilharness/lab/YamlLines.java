package io.hilharness.lab;

import java.io.StringReader;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Finds the line of a key path in YAML text, for errors about values Jackson accepted but the lab cannot
 * use (Jackson's tree keeps no locations). SnakeYAML's node tree keeps a start mark on every node, in block
 * and flow style alike ({@code flash: {method: openocd, ...}}).
 */
final class YamlLines {
    private static final Pattern INDEX = Pattern.compile("\\[(\\d+)]");

    private final Node root;

    YamlLines(String text) {
        this.root = compose(text);
    }

    /**
     * 1-based line of the deepest key of {@code path} that was found (a {@code [i]} step: the line of the
     * list's item); 0 if not even the first was.
     */
    int lineOf(String... path) {
        Node node = root;
        int found = 0;
        for (String step : path) {
            NodeTuple entry = node instanceof MappingNode map ? entry(map, step) : item(node, step);
            if (entry == null) {
                return found;
            }
            // A key's own line: its value may start on the next.
            found = entry.getKeyNode().getStartMark().getLine() + 1;
            node = entry.getValueNode();
        }
        return found;
    }

    private static Node compose(String text) {
        try {
            return new Yaml(new LoaderOptions()).compose(new StringReader(text));
        } catch (YAMLException e) {
            return null; // text Jackson cannot read either: its own error has the position
        }
    }

    /** A list's item as a pair of itself with itself, so it reads like a map's entry. */
    private static NodeTuple item(Node node, String step) {
        Matcher index = INDEX.matcher(step);
        if (node instanceof SequenceNode list && index.matches()) {
            int i = Integer.parseInt(index.group(1));
            if (i < list.getValue().size()) {
                Node item = list.getValue().get(i);
                return new NodeTuple(item, item);
            }
        }
        return null;
    }

    private static NodeTuple entry(MappingNode map, String key) {
        for (NodeTuple entry : map.getValue()) {
            if (entry.getKeyNode() instanceof ScalarNode scalar && scalar.getValue().equals(key)) {
                return entry;
            }
        }
        return null;
    }
}
