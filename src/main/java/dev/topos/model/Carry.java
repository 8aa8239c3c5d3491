package dev.topos.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.bytedeco.pytorch.Tensor;

/**
 * State a recurrent model carries from one chunk to the next (position code, memory, LSTM state),
 * detached from the graph: backpropagation is truncated at chunk boundaries. Named so a checkpoint
 * can store it. A tensor put here outlives the {@code PointerScope} of the update that made it; the
 * one it replaces is released, and {@link #close} releases them all.
 */
public final class Carry implements AutoCloseable {
    private final Map<String, Tensor> tensors = new LinkedHashMap<>();

    public Tensor get(String name) {
        Tensor a = tensors.get(name);
        if (a == null) {
            throw new IllegalStateException("no carried tensor '" + name + "'; have " + tensors.keySet());
        }
        return a;
    }

    /** Stores {@code value}, detached, under {@code name}. */
    public void put(String name, Tensor value) {
        Tensor kept = value.detach();
        kept.retainReference();
        Tensor old = tensors.put(name, kept);
        if (old != null) {
            old.releaseReference();
        }
    }

    public Map<String, Tensor> tensors() {
        return Collections.unmodifiableMap(tensors);
    }

    /** Frees the carried tensors; the carry is empty afterwards. */
    @Override
    public void close() {
        tensors.values().forEach(Tensor::releaseReference);
        tensors.clear();
    }
}
