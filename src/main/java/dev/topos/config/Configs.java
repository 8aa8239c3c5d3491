package dev.topos.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Reads experiment configs: YAML over defaults, then {@code --set key=value} overrides, bound to
 * typed records (snake_case keys) and validated. Unknown keys name the allowed keys; wrong types
 * name the field and the expected type.
 */
public final class Configs {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory()
                    .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
                    .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES))
            .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
            .disable(com.fasterxml.jackson.databind.MapperFeature.ALLOW_COERCION_OF_SCALARS);

    private Configs() {}

    public static ObjectMapper yaml() {
        return YAML;
    }

    /**
     * Parses YAML text into a tree; {@code source} names the file in errors. A key given twice in
     * one mapping is an error naming both lines.
     */
    public static ObjectNode parse(String text, String source) {
        try {
            JsonNode node = YAML.readTree(text);
            DuplicateKeys.check(text, source);
            if (node == null || node.isMissingNode() || node.isNull()) {
                return YAML.createObjectNode();
            }
            if (!node.isObject()) {
                throw new ConfigException(source + ": the top level must be a mapping of keys to values");
            }
            return (ObjectNode) node;
        } catch (JsonProcessingException e) {
            throw new ConfigException(source + ": not valid YAML: " + e.getOriginalMessage());
        }
    }

    /** The tree of a default config object, the base that files and overrides are merged onto. */
    public static ObjectNode treeOf(Object config) {
        return YAML.valueToTree(config);
    }

    /** Deep-merges {@code overlay} onto {@code base} (mappings merge key by key; anything else replaces). */
    public static ObjectNode merge(ObjectNode base, JsonNode overlay) {
        ObjectNode out = base.deepCopy();
        Iterator<Map.Entry<String, JsonNode>> it = overlay.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            JsonNode current = out.get(e.getKey());
            if (current instanceof ObjectNode && e.getValue().isObject()) {
                out.set(e.getKey(), merge((ObjectNode) current, e.getValue()));
            } else {
                out.set(e.getKey(), e.getValue());
            }
        }
        return out;
    }

    /**
     * Applies {@code key=value} overrides; the key is a dotted path, the value a YAML scalar or
     * flow collection ({@code train.steps=200}, {@code model.activation=linear}, {@code eval.sizes=[8,9]}).
     */
    public static ObjectNode override(ObjectNode tree, List<String> assignments) {
        ObjectNode out = tree.deepCopy();
        for (String a : assignments) {
            int eq = a.indexOf('=');
            if (eq <= 0) {
                throw new ConfigException("--set '" + a + "': expected key=value, e.g. train.steps=200");
            }
            String[] path = a.substring(0, eq).trim().split("\\.");
            JsonNode value = parseValue(a.substring(eq + 1), a);
            ObjectNode node = out;
            for (int i = 0; i < path.length - 1; i++) {
                JsonNode child = node.get(path[i]);
                if (child == null) {
                    child = node.putObject(path[i]);
                } else if (!child.isObject()) {
                    throw new ConfigException("--set '" + a + "': '" + path[i] + "' is a value, not a section");
                }
                node = (ObjectNode) child;
            }
            node.set(path[path.length - 1], value);
        }
        return out;
    }

    private static JsonNode parseValue(String text, String assignment) {
        try {
            JsonNode v = YAML.readTree(text.isBlank() ? "''" : text);
            return v == null ? YAML.getNodeFactory().textNode(text) : v;
        } catch (JsonProcessingException e) {
            throw new ConfigException("--set '" + assignment + "': value is not valid YAML");
        }
    }

    /** Binds the tree to {@code type} and validates it; {@code source} names the file in errors. */
    public static <T extends Validated> T bind(JsonNode tree, Class<T> type, String source) {
        T config;
        try {
            config = YAML.treeToValue(tree, type);
        } catch (UnrecognizedPropertyException e) {
            String allowed = e.getKnownPropertyIds().stream().map(Object::toString).sorted()
                    .collect(Collectors.joining(", "));
            throw new ConfigException(source + ": unknown key '" + path(e) + "'; allowed keys here: " + allowed);
        } catch (InvalidFormatException e) {
            throw new ConfigException(source + ": " + path(e) + " = '" + e.getValue() + "' is not allowed; must be "
                    + typeName(e.getTargetType()));
        } catch (MismatchedInputException e) {
            throw new ConfigException(source + ": " + path(e) + echo(tree, e) + " must be "
                    + typeName(e.getTargetType()));
        } catch (JsonProcessingException e) {
            throw new ConfigException(source + ": " + e.getOriginalMessage());
        }
        try {
            config.validate("");
        } catch (ConfigException e) {
            throw new ConfigException(source + ": " + e.getMessage());
        }
        return config;
    }

    /** The resolved config as YAML text, as written into a run folder. */
    public static String toYaml(Object config) {
        try {
            return YAML.writeValueAsString(config);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise config", e);
        }
    }

    /** Reads a resolved config back (e.g. from a run folder's config.yaml). */
    public static <T extends Validated> T read(String yamlText, Class<T> type, String source) {
        return bind(parse(yamlText, source), type, source);
    }

    /**
     * The dotted keys whose values differ between two config trees (present in only one, or with
     * different values; numbers compare by value, so 200 equals 200L, also inside lists), sorted.
     */
    public static List<String> differences(JsonNode a, JsonNode b) {
        return differences(List.of(a, b));
    }

    /** The dotted keys whose values are not the same in all of {@code trees} (as the two-tree form), sorted. */
    public static List<String> differences(List<? extends JsonNode> trees) {
        List<Map<String, JsonNode>> flat = trees.stream().map(Configs::leaves).toList();
        Set<String> keys = new TreeSet<>();
        flat.forEach(m -> keys.addAll(m.keySet()));
        return keys.stream().filter(k -> flat.stream().anyMatch(m -> !sameValue(m.get(k), flat.get(0).get(k))))
                .toList();
    }

    /** Every leaf of a config tree under its dotted key ({@code train.steps}), sorted by key. */
    public static Map<String, JsonNode> leaves(JsonNode tree) {
        Map<String, JsonNode> out = new TreeMap<>();
        flatten("", tree, out);
        return out;
    }

    private static void flatten(String prefix, JsonNode node, Map<String, JsonNode> out) {
        if (node.isObject() && !node.isEmpty()) {
            node.fields().forEachRemaining(e -> flatten(at(prefix, e.getKey()), e.getValue(), out));
        } else {
            out.put(prefix, node);
        }
    }

    private static boolean sameValue(JsonNode x, JsonNode y) {
        if (x == null || y == null) {
            return x == y;
        }
        if (x.isNumber() && y.isNumber()) {
            return x.decimalValue().compareTo(y.decimalValue()) == 0;
        }
        if (x.isArray() && y.isArray()) {
            if (x.size() != y.size()) {
                return false;
            }
            for (int i = 0; i < x.size(); i++) {
                if (!sameValue(x.get(i), y.get(i))) {
                    return false;
                }
            }
            return true;
        }
        if (x.isObject() && y.isObject()) {
            return differences(x, y).isEmpty();
        }
        return x.equals(y);
    }

    /** Joins a section prefix and a field name into a dotted path. */
    public static String at(String prefix, String field) {
        return prefix.isEmpty() ? field : prefix + "." + field;
    }

    private static String path(MismatchedInputException e) {
        return e.getPath().stream()
                .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                .collect(Collectors.joining(".")).replace(".[", "[");
    }

    /** {@code " = 'abc'"} for the scalar at the exception's path in {@code tree}, else empty. */
    private static String echo(JsonNode tree, MismatchedInputException e) {
        JsonNode node = tree;
        for (JsonMappingException.Reference r : e.getPath()) {
            node = node == null ? null : r.getFieldName() != null ? node.get(r.getFieldName()) : node.get(r.getIndex());
        }
        return node != null && node.isValueNode() ? " = '" + node.asText() + "'" : "";
    }

    private static String typeName(Class<?> t) {
        if (t == null) {
            return "a value of the right type";
        }
        if (t == int.class || t == Integer.class || t == long.class || t == Long.class) {
            return "an integer";
        }
        if (t == double.class || t == Double.class || t == float.class || t == Float.class) {
            return "a number";
        }
        if (t == boolean.class || t == Boolean.class) {
            return "true or false";
        }
        if (t == String.class) {
            return "a string";
        }
        if (t.isRecord()) {
            return "a section (a mapping of keys to values)";
        }
        return "a " + t.getSimpleName();
    }

}
