package dev.topos.config;

import ai.djl.Device;
import ai.djl.engine.Engine;
import java.util.List;
import java.util.Locale;

/**
 * The device studies and benchmarks compute on: {@code cpu} (default) or {@code gpu}.
 *
 * <p>Chosen by the system property {@value #PROPERTY} (which {@code topos --device} sets), else the
 * environment variable {@value #ENV}, else {@code cpu}. Studies call {@link #current()} and
 * {@link #djl()} to create their NDManagers on the chosen device.
 */
public enum ComputeDevice {
    CPU,
    GPU;

    /** System property holding the device name; set by the CLI's {@code --device} option. */
    public static final String PROPERTY = "topos.device";
    /** Environment variable consulted when {@value #PROPERTY} is not set. */
    public static final String ENV = "TOPOS_DEVICE";

    /** The device selected by {@value #PROPERTY}, {@value #ENV} or the default {@code cpu}. */
    public static ComputeDevice current() {
        String property = System.getProperty(PROPERTY);
        if (property != null) {
            return parse(property, "--device (" + PROPERTY + ")");
        }
        String env = System.getenv(ENV);
        return env == null || env.isBlank() ? CPU : parse(env, ENV);
    }

    /** Parses {@code cpu} or {@code gpu}; {@code source} names the setting in errors. */
    public static ComputeDevice parse(String name, String source) {
        String n = name.trim().toLowerCase(Locale.ROOT);
        Check.oneOf(source, n, List.of("cpu", "gpu"));
        return valueOf(n.toUpperCase(Locale.ROOT));
    }

    /** The DJL device; {@code gpu} fails clearly when the engine sees no GPU. */
    public Device djl() {
        if (this == CPU) {
            return Device.cpu();
        }
        Engine engine = Engine.getInstance();
        if (engine.getGpuCount() == 0) {
            throw new ConfigException("device gpu was requested but " + engine.getEngineName() + " "
                    + engine.getVersion() + " sees no GPU (this build bundles the CPU library); use --device cpu");
        }
        return Device.gpu();
    }

    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
