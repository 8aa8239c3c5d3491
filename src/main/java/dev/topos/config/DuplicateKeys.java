package dev.topos.config;

import java.io.StringReader;
import java.util.HashMap;
import java.util.Map;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Refuses a key given twice in one YAML mapping ({@code steps: 10} then {@code steps: 20}), which a
 * YAML reader would otherwise settle silently by keeping the later value. The check reads SnakeYAML's
 * node tree, which keeps each key's line, so the error names both lines.
 */
final class DuplicateKeys {
    private DuplicateKeys() {}

    /** Throws a {@link ConfigException} naming the dotted key and its two lines in {@code source}. */
    static void check(String text, String source) {
        Node root;
        try {
            root = new Yaml().compose(new StringReader(text));
        } catch (YAMLException e) {
            throw new ConfigException(source + ": not valid YAML: " + e.getMessage());
        }
        if (root != null) {
            walk(root, "", source);
        }
    }

    private static void walk(Node node, String prefix, String source) {
        if (node instanceof MappingNode mapping) {
            Map<String, Integer> lines = new HashMap<>();
            for (NodeTuple t : mapping.getValue()) {
                String key = t.getKeyNode() instanceof ScalarNode s ? s.getValue() : null;
                String path = key == null ? prefix : Configs.at(prefix, key);
                if (key != null) {
                    int line = t.getKeyNode().getStartMark().getLine() + 1;
                    Integer first = lines.putIfAbsent(key, line);
                    if (first != null) {
                        throw new ConfigException(source + ": key '" + path + "' is given twice, on lines " + first
                                + " and " + line + "; keep one");
                    }
                }
                walk(t.getValueNode(), path, source);
            }
        } else if (node instanceof SequenceNode sequence) {
            sequence.getValue().forEach(n -> walk(n, prefix, source));
        }
    }
}
