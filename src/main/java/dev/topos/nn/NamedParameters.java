package dev.topos.nn;

import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The parameters of a block tree under stable dotted names ({@code memory.w_e},
 * {@code pathIntegration.w_out}), the names checkpoints use. DJL numbers child blocks ("01memory");
 * the number is dropped so a name survives reordering of siblings.
 */
public final class NamedParameters {
    private NamedParameters() {}

    public static Map<String, Parameter> of(Block block) {
        Map<String, Parameter> out = new LinkedHashMap<>();
        collect(block, "", out);
        return out;
    }

    private static void collect(Block block, String prefix, Map<String, Parameter> out) {
        for (Pair<String, Parameter> p : block.getDirectParameters()) {
            out.put(prefix + p.getKey(), p.getValue());
        }
        for (Pair<String, Block> child : block.getChildren()) {
            String name = child.getKey().replaceFirst("^\\d+", "");
            collect(child.getValue(), prefix + name + ".", out);
        }
    }

    /** Total number of scalar parameters. */
    public static long count(Block block) {
        return of(block).values().stream().mapToLong(p -> p.getArray().size()).sum();
    }
}
