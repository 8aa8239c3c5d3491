package dev.topos.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.index.NDIndex;

/**
 * Arithmetic with a constant, and copying into an existing tensor, in forms whose memory libtorch
 * owns. Topos calls these instead of DJL's {@code NDArray.mul(Number)} (and {@code div}, {@code add},
 * {@code sub}, {@code pow}, {@code maximum}, {@code gte}, ...) and {@code NDArray.copyTo}.
 *
 * <p>Why: on the CPU, DJL 0.34's PyTorch engine builds a tensor from Java data with
 * {@code torch::from_blob} over a direct {@code ByteBuffer} that only the Java wrapper keeps alive.
 * <ul>
 *   <li>{@code x.mul(3f)} wraps 3 that way, multiplies, and closes the wrapper at once; autograd has
 *       saved the scalar for the backward pass ({@code d(3x)/dx = 3}), so a garbage collection between
 *       forward and backward frees it and the backward pass reads whatever the C heap holds there:
 *       garbage gradients, at moments set by the collector's timing (other work, load, history).</li>
 *   <li>{@code a.copyTo(b)} replaces b's storage by such a buffer, kept alive by b's wrapper only.
 *       Copied into a wrapper of a parameter's gradient (a skipped update's discard), the gradient's
 *       memory is freed when that wrapper closes, and the next backward pass accumulates into freed
 *       memory: native heap corruption ("corrupted double-linked list").</li>
 * </ul>
 * Here a constant is a 0-d tensor copied into libtorch memory (reference counted, so autograd's
 * saved copy keeps it alive), and a copy writes into the target's own storage with
 * {@code index_put_}. {@code EngineHazardsTest} (in the tests) fails the build on any call to
 * the hazardous DJL methods.
 */
public final class Tensors {
    private static final NDIndex ALL = new NDIndex("...");

    private Tensors() {}

    /**
     * A 0-d tensor holding {@code value} (rounded to {@code like}'s type, so that the product keeps
     * that type), in memory libtorch owns: a copy made before the Java buffer's wrapper closes.
     */
    public static NDArray scalar(NDArray like, double value) {
        try (NDArray borrowed = like.getManager().create(value)) {
            return borrowed.toType(like.getDataType(), true);
        }
    }

    /** x * c. */
    public static NDArray mul(NDArray x, double c) {
        return x.mul(scalar(x, c));
    }

    /** x / c. */
    public static NDArray div(NDArray x, double c) {
        return x.div(scalar(x, c));
    }

    /** x + c. */
    public static NDArray add(NDArray x, double c) {
        return x.add(scalar(x, c));
    }

    /** x - c. */
    public static NDArray sub(NDArray x, double c) {
        return x.sub(scalar(x, c));
    }

    /** x ^ c, elementwise. */
    public static NDArray pow(NDArray x, double c) {
        return x.pow(scalar(x, c));
    }

    /** max(x, c), elementwise. */
    public static NDArray maximum(NDArray x, double c) {
        return x.maximum(scalar(x, c));
    }

    /** x &gt;= c, elementwise (boolean). */
    public static NDArray gte(NDArray x, double c) {
        return x.gte(scalar(x, c));
    }

    /** 1 - x. */
    public static NDArray oneMinus(NDArray x) {
        return scalar(x, 1).sub(x);
    }

    /**
     * Copies {@code from}'s values into {@code into}'s own storage (same shape), which stays where
     * it was: every other view of it (a parameter, its gradient) sees the new values.
     */
    public static void copy(NDArray from, NDArray into) {
        if (!from.getShape().equals(into.getShape())) {
            throw new IllegalArgumentException("cannot copy a " + from.getShape() + " tensor into a "
                    + into.getShape() + " one");
        }
        NDArray values = from.getDataType() == into.getDataType() ? from : from.toType(into.getDataType(), false);
        try (NDArray target = into.stopGradient()) { // a view of the same storage, outside autograd
            target.set(ALL, values);
        }
    }

    /** Sets every element of {@code into} to 0, in its own storage (infinity or NaN included). */
    public static void zero(NDArray into) {
        try (NDArray target = into.stopGradient()) {
            target.set(ALL, scalar(into, 0));
        }
    }
}
