package dev.topos.nn;

import dev.topos.config.ComputeDevice;
import dev.topos.config.ConfigException;
import org.bytedeco.pytorch.Device;
import org.bytedeco.pytorch.global.torch;

/**
 * The process's libtorch: the device new tensors are made on, its random generator and its
 * threads. One per JVM, as libtorch's own state is.
 */
public final class Engine {
    private static volatile Device device;
    private static volatile ComputeDevice chosen;
    private static volatile torch.ScalarType floatType = torch.ScalarType.Float;

    private Engine() {}

    /**
     * The device {@link Tensors} and {@link Init} make tensors on: on first use, the one
     * {@link ComputeDevice#current()} names ({@code --device}, {@code TOPOS_DEVICE}, else cpu), so
     * every command honours it.
     */
    public static Device device() {
        if (device == null) {
            synchronized (Engine.class) {
                if (device == null) {
                    select(ComputeDevice.current());
                }
            }
        }
        return device;
    }

    /** The device in use, cpu or cuda (see {@link #device()}). */
    public static ComputeDevice computeDevice() {
        device();
        return chosen;
    }

    public static boolean isCpu() {
        return device().is_cpu();
    }

    /**
     * Makes new tensors on the device {@code requested} names: {@code auto} is cuda where libtorch
     * sees a CUDA device, else the CPU.
     *
     * @throws ConfigException if cuda is requested and libtorch sees none
     * @return the device chosen, cpu or cuda
     */
    public static ComputeDevice select(ComputeDevice requested) {
        boolean cuda = torch.cuda_is_available();
        ComputeDevice pick = requested == ComputeDevice.AUTO ? (cuda ? ComputeDevice.CUDA : ComputeDevice.CPU)
                : requested;
        if (pick == ComputeDevice.CUDA && !cuda) {
            throw new ConfigException("device cuda was requested but libtorch " + version() + " sees no CUDA device"
                    + (torch.hasCUDA() ? "" : " (this build bundles the CPU library; build with -Pgpu for CUDA)")
                    + "; use --device cpu or auto");
        }
        Device d = new Device(pick == ComputeDevice.CUDA ? torch.DeviceType.CUDA : torch.DeviceType.CPU);
        d.retainReference();
        device = d;
        chosen = pick;
        return pick;
    }

    /**
     * The floating-point type new parameters and float tensors get: float32, the master-weight type
     * of every precision; gradient checks set float64 (as {@code torch.set_default_dtype}).
     */
    public static torch.ScalarType floatType() {
        return floatType;
    }

    /** Makes new float tensors of {@code type} (float32 or float64). */
    public static void useFloatType(torch.ScalarType type) {
        if (type != torch.ScalarType.Float && type != torch.ScalarType.Double) {
            throw new IllegalArgumentException("the default float type is Float or Double, not " + type);
        }
        floatType = type;
    }

    /** Seeds libtorch's generator: parameter initialisation, dropout and every other draw the engine makes. */
    public static void seed(long seed) {
        torch.manual_seed(seed);
        if (torch.cuda_is_available()) {
            torch.cuda_manual_seed_all(seed);
        }
    }

    /** libtorch's intra-op threads (OMP_NUM_THREADS when set, else one per core). */
    public static int threads() {
        return torch.get_num_threads();
    }

    public static int interopThreads() {
        return (int) torch.get_num_interop_threads();
    }

    /** The libtorch version the binding carries, e.g. "2.10.0", read from its build configuration. */
    public static String version() {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("TORCH_VERSION=([^,\\s]+)")
                .matcher(torch.show_config().getString());
        return m.find() ? m.group(1) : "unknown";
    }
}
