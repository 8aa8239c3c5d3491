package dev.topos.nn;

import java.nio.ByteBuffer;
import java.nio.DoubleBuffer;
import java.nio.FloatBuffer;
import java.nio.IntBuffer;
import java.nio.LongBuffer;
import java.util.Arrays;
import java.util.List;
import org.bytedeco.pytorch.AbstractTensor;
import org.bytedeco.pytorch.NoGradGuard;
import org.bytedeco.pytorch.Scalar;
import org.bytedeco.pytorch.ScalarTypeOptional;
import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.TensorOptions;
import org.bytedeco.pytorch.TensorVector;
import org.bytedeco.pytorch.global.torch;
import org.bytedeco.pytorch.global.torch.ScalarType;

/**
 * The few forms in which Topos makes tensors, reads them back and applies a constant, so that a
 * forward pass reads as its equation ({@code Tensors.div(q.matmul(k.transpose(-2, -1)), Math.sqrt(n))})
 * rather than as the binding's option objects.
 *
 * <p>Every tensor made here owns memory libtorch allocated: Java data is copied in
 * ({@link AbstractTensor#create}), never wrapped ({@code from_blob}), so no tensor, and no value
 * autograd saved for the backward pass, depends on a Java object staying alive. Tensors are made on
 * {@link Engine#device()}, float ones in {@link Engine#floatType()} (float32 unless a gradient check
 * asked for float64) unless a method says otherwise; reading back copies to the host.
 */
public final class Tensors {
    private Tensors() {}

    // ---- making tensors -------------------------------------------------------------------------

    /** A float tensor of {@code shape} holding {@code data} (row-major). */
    public static Tensor floats(float[] data, long... shape) {
        Tensor t = onDevice(AbstractTensor.create(data, checkedShape(data.length, shape)));
        return Engine.floatType() == ScalarType.Float ? t : t.toType(Engine.floatType());
    }

    /** A float64 tensor of {@code shape} holding {@code data} (row-major). */
    public static Tensor doubles(double[] data, long... shape) {
        return onDevice(AbstractTensor.create(data, checkedShape(data.length, shape)));
    }

    /** An int64 tensor of {@code shape} holding {@code data} (row-major): indices, labels, counters. */
    public static Tensor longs(long[] data, long... shape) {
        return onDevice(AbstractTensor.create(data, checkedShape(data.length, shape)));
    }

    /** A boolean tensor of {@code shape} holding {@code data} (row-major). */
    public static Tensor booleans(boolean[] data, long... shape) {
        return onDevice(AbstractTensor.create(data, checkedShape(data.length, shape)));
    }

    /** A 0-d float tensor. */
    public static Tensor scalar(double value) {
        return full(value);
    }

    public static Tensor zeros(long... shape) {
        return torch.zeros(shape, options(Engine.floatType()));
    }

    public static Tensor ones(long... shape) {
        return torch.ones(shape, options(Engine.floatType()));
    }

    /** A float tensor of {@code shape} with every element {@code value}. */
    public static Tensor full(double value, long... shape) {
        return torch.full(shape, new Scalar(value), options(Engine.floatType()));
    }

    /** 0, 1, ..., n - 1 as int64. */
    public static Tensor arange(long n) {
        return torch.arange(new Scalar(n), options(ScalarType.Long));
    }

    /** Options for a tensor of {@code type} on {@link Engine#device()}. */
    public static TensorOptions options(ScalarType type) {
        return new TensorOptions(type).device(new org.bytedeco.pytorch.DeviceOptional(Engine.device()));
    }

    private static Tensor onDevice(Tensor host) {
        return Engine.isCpu() ? host : host.to(Engine.device(), host.scalar_type());
    }

    private static long[] checkedShape(int length, long[] shape) {
        long n = 1;
        for (long d : shape) {
            n *= d;
        }
        if (n != length) {
            throw new IllegalArgumentException(length + " values do not fill a tensor of shape "
                    + java.util.Arrays.toString(shape));
        }
        return shape;
    }

    // ---- reading tensors back -------------------------------------------------------------------

    /** The elements of {@code t} in row-major order, as float32. */
    public static float[] toFloats(Tensor t) {
        Tensor host = host(t, ScalarType.Float);
        float[] out = new float[Math.toIntExact(host.numel())];
        ((FloatBuffer) host.createBuffer()).get(out);
        return out;
    }

    /** The elements of {@code t} in row-major order, as float64. */
    public static double[] toDoubles(Tensor t) {
        Tensor host = host(t, ScalarType.Double);
        double[] out = new double[Math.toIntExact(host.numel())];
        ((DoubleBuffer) host.createBuffer()).get(out);
        return out;
    }

    /** The rows of a 2-D tensor {@code t}, as float64. */
    public static double[][] toDoubleRows(Tensor t) {
        if (t.dim() != 2) {
            throw new IllegalArgumentException("expected a 2-D tensor, got shape " + Arrays.toString(t.shape()));
        }
        int cols = Math.toIntExact(t.size(1));
        double[] flat = toDoubles(t);
        double[][] out = new double[Math.toIntExact(t.size(0))][];
        for (int r = 0; r < out.length; r++) {
            out[r] = Arrays.copyOfRange(flat, r * cols, (r + 1) * cols);
        }
        return out;
    }

    /** The elements of {@code t} in row-major order, as int64. */
    public static long[] toLongs(Tensor t) {
        Tensor host = host(t, ScalarType.Long);
        long[] out = new long[Math.toIntExact(host.numel())];
        ((LongBuffer) host.createBuffer()).get(out);
        return out;
    }

    /** The elements of {@code t} in row-major order, as int32. */
    public static int[] toInts(Tensor t) {
        Tensor host = host(t, ScalarType.Int);
        int[] out = new int[Math.toIntExact(host.numel())];
        ((IntBuffer) host.createBuffer()).get(out);
        return out;
    }

    /** The elements of {@code t} in row-major order, as booleans (non-zero is true). */
    public static boolean[] toBooleans(Tensor t) {
        Tensor host = host(t, ScalarType.Bool);
        ByteBuffer b = host.createBuffer();
        boolean[] out = new boolean[Math.toIntExact(host.numel())];
        for (int i = 0; i < out.length; i++) {
            out[i] = b.get(i) != 0;
        }
        return out;
    }

    /** The single element of {@code t}, as a double. */
    public static double item(Tensor t) {
        return t.item_double();
    }

    /** A contiguous host copy of {@code t} as {@code type}, outside autograd. */
    private static Tensor host(Tensor t, ScalarType type) {
        Tensor h = t.detach().to(new org.bytedeco.pytorch.Device(torch.DeviceType.CPU), type).contiguous();
        return h;
    }

    // ---- a constant applied elementwise ---------------------------------------------------------

    /** x * c. */
    public static Tensor mul(Tensor x, double c) {
        return x.mul(new Scalar(c));
    }

    /** x / c. */
    public static Tensor div(Tensor x, double c) {
        return x.div(new Scalar(c));
    }

    /** x + c. */
    public static Tensor add(Tensor x, double c) {
        return x.add(new Scalar(c));
    }

    /** x - c. */
    public static Tensor sub(Tensor x, double c) {
        return x.sub(new Scalar(c));
    }

    /** x ^ c. */
    public static Tensor pow(Tensor x, double c) {
        return x.pow(new Scalar(c));
    }

    /** max(x, c). */
    public static Tensor maximum(Tensor x, double c) {
        return x.clamp_min(new Scalar(c));
    }

    /** x &gt;= c (boolean). */
    public static Tensor gte(Tensor x, double c) {
        return x.ge(new Scalar(c));
    }

    /** 1 - x. */
    public static Tensor oneMinus(Tensor x) {
        return x.neg().add(new Scalar(1.0));
    }

    // ---- reductions and joins -------------------------------------------------------------------

    /** The sum over {@code dims}, which are dropped. */
    public static Tensor sum(Tensor x, long... dims) {
        return x.sum(dims, false, new ScalarTypeOptional());
    }

    /** The sum over {@code dims}, which are kept with size 1. */
    public static Tensor sumKeep(Tensor x, long... dims) {
        return x.sum(dims, true, new ScalarTypeOptional());
    }

    /** The mean over {@code dims}, which are dropped. */
    public static Tensor mean(Tensor x, long... dims) {
        return x.mean(dims, false, new ScalarTypeOptional());
    }

    /** The mean over {@code dims}, which are kept with size 1. */
    public static Tensor meanKeep(Tensor x, long... dims) {
        return x.mean(dims, true, new ScalarTypeOptional());
    }

    /** The tensors joined along the existing axis {@code dim}. */
    public static Tensor cat(List<Tensor> parts, long dim) {
        return torch.cat(new TensorVector(parts.toArray(Tensor[]::new)), dim);
    }

    /** The tensors stacked along a new axis {@code dim}. */
    public static Tensor stack(List<Tensor> parts, long dim) {
        return torch.stack(new TensorVector(parts.toArray(Tensor[]::new)), dim);
    }

    // ---- writing into an existing tensor --------------------------------------------------------

    /**
     * Copies {@code from}'s values into {@code into}'s own storage (same shape; converted to its
     * type), outside autograd: every view of that storage (a parameter, a carried state) sees them.
     */
    public static void copy(Tensor from, Tensor into) {
        if (!java.util.Arrays.equals(from.shape(), into.shape())) {
            throw new IllegalArgumentException("cannot copy a " + java.util.Arrays.toString(from.shape())
                    + " tensor into a " + java.util.Arrays.toString(into.shape()) + " one");
        }
        try (NoGradGuard ignored = new NoGradGuard()) {
            into.copy_(from);
        }
    }

    /** Sets every element of {@code into} to 0, in its own storage. */
    public static void zero(Tensor into) {
        try (NoGradGuard ignored = new NoGradGuard()) {
            into.zero_();
        }
    }
}
