package dev.topos.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDScope;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * State a recurrent model carries from one chunk to the next (position code, memory, LSTM state),
 * detached from the graph: backpropagation is truncated at chunk boundaries. Named so a checkpoint
 * can store it. Arrays put here outlive the step's {@link NDScope}; the ones they replace are closed.
 */
public final class Carry {
    private final Map<String, NDArray> tensors = new LinkedHashMap<>();

    public NDArray get(String name) {
        NDArray a = tensors.get(name);
        if (a == null) {
            throw new IllegalStateException("no carried tensor '" + name + "'; have " + tensors.keySet());
        }
        return a;
    }

    /** Stores a detached copy of {@code value} under {@code name}. */
    public void put(String name, NDArray value) {
        NDArray kept = value.stopGradient();
        NDScope.unregister(kept);
        NDArray old = tensors.put(name, kept);
        if (old != null && old != kept) {
            old.close();
        }
    }

    public Map<String, NDArray> tensors() {
        return tensors;
    }
}
