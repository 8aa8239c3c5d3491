package dev.topos.nn;

import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The parameters of a block tree under dotted names ({@code w_out}, {@code 01Linear.weight}), the
 * names checkpoints use. DJL prefixes each child with its position ("01Linear", "03Linear"); the
 * prefix is kept because it is what tells two children of the same type apart.
 */
public final class NamedParameters {
    private NamedParameters() {}

    public static Map<String, Parameter> of(Block block) {
        Map<String, Parameter> out = new LinkedHashMap<>();
        collect(block, "", out);
        return out;
    }

    /** The parameters of several blocks, each under its own prefix ({@code path.w_out}), in order. */
    @SafeVarargs
    public static Map<String, Parameter> of(Map.Entry<String, ? extends Block>... blocks) {
        Map<String, Parameter> out = new LinkedHashMap<>();
        for (Map.Entry<String, ? extends Block> b : blocks) {
            collect(b.getValue(), b.getKey() + ".", out);
        }
        return out;
    }

    private static void collect(Block block, String prefix, Map<String, Parameter> out) {
        for (Pair<String, Parameter> p : block.getDirectParameters()) {
            out.put(prefix + p.getKey(), p.getValue());
        }
        for (Pair<String, Block> child : block.getChildren()) {
            collect(child.getValue(), prefix + child.getKey() + ".", out);
        }
    }

    /** Total number of scalar parameters. */
    public static long count(Map<String, Parameter> parameters) {
        return parameters.values().stream().mapToLong(p -> p.getArray().size()).sum();
    }
}
