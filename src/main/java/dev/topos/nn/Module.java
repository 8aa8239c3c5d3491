package dev.topos.nn;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.bytedeco.pytorch.Tensor;

/**
 * A node of a model tree, as {@code torch::nn::Module} is: a module creates and initialises its
 * parameters in its constructor and adds its children there, and the tree answers for all of them.
 * A parameter's name is its dotted path from the root in the order of registration
 * ({@code attention.query.weight}); checkpoints, the optimizer and parameter counts use these
 * names, so no list of parameters is ever written by hand.
 *
 * <p>A parameter is a leaf tensor that requires a gradient; a constant ({@link #constant}) is a
 * tensor the forward pass reads but nothing trains (a mask, a distance matrix). Both are created
 * from the config and the run's seed, so checkpoints hold only the parameters. Registered tensors
 * live as long as the module: they are kept out of every {@code PointerScope} that closes the
 * temporaries of a forward pass.
 */
public abstract class Module {
    private final Map<String, Tensor> parameters = new LinkedHashMap<>();
    private final Map<String, Module> children = new LinkedHashMap<>();

    /**
     * Registers {@code initial} (a freshly initialised tensor, e.g. from {@link Init}) as the
     * trainable parameter {@code name} of this module.
     *
     * @return the parameter, a leaf that requires a gradient
     */
    protected final Tensor parameter(String name, Tensor initial) {
        requireNewName(name);
        Tensor p = initial.detach().set_requires_grad(true);
        p.retainReference();
        parameters.put(name, p);
        return p;
    }

    /** Keeps {@code value} for the life of this module, outside autograd: a constant of the forward pass. */
    protected static Tensor constant(Tensor value) {
        Tensor c = value.detach();
        c.retainReference();
        return c;
    }

    /** Adds {@code module} as the child {@code name}; its parameters appear as {@code name.<its name>}. */
    protected final <M extends Module> M child(String name, M module) {
        requireNewName(name);
        children.put(name, module);
        return module;
    }

    private void requireNewName(String name) {
        if (name.isEmpty() || name.contains(".")) {
            throw new IllegalArgumentException("a parameter or child name is non-empty and has no '.': '" + name + "'");
        }
        if (parameters.containsKey(name) || children.containsKey(name)) {
            throw new IllegalArgumentException(getClass().getSimpleName() + " already has a parameter or child '"
                    + name + "'");
        }
    }

    /** Every parameter of this tree under its dotted name, this module's own first, then each child's in order. */
    public final Map<String, Tensor> parameters() {
        Map<String, Tensor> out = new LinkedHashMap<>();
        collect("", out);
        return Collections.unmodifiableMap(out);
    }

    private void collect(String prefix, Map<String, Tensor> out) {
        parameters.forEach((k, v) -> out.put(prefix + k, v));
        children.forEach((k, c) -> c.collect(prefix + k + ".", out));
    }

    /** The children of this module, by name, in order. */
    public final Map<String, Module> children() {
        return Collections.unmodifiableMap(children);
    }

    /** Total number of scalar parameters in this tree. */
    public final long parameterCount() {
        return parameters().values().stream().mapToLong(Tensor::numel).sum();
    }
}
