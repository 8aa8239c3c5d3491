package dev.topos.config;

import java.util.List;
import java.util.Locale;

/**
 * The device studies and benchmarks compute on: {@code cpu} (default), {@code cuda} (an NVIDIA GPU;
 * {@code gpu} is accepted for it), or {@code auto} (cuda where libtorch sees one, else cpu).
 *
 * <p>Chosen by the system property {@value #PROPERTY} (which {@code topos --device} sets), else the
 * environment variable {@value #ENV}, else a run config's {@code train.device}, else {@code cpu}.
 * The engine resolves {@code auto} and fails clearly when cuda is asked for and absent
 * ({@code dev.topos.nn.Engine#select}).
 */
public enum ComputeDevice {
    CPU,
    CUDA,
    AUTO;

    /** System property holding the device name; set by the CLI's {@code --device} option. */
    public static final String PROPERTY = "topos.device";
    /** Environment variable consulted when {@value #PROPERTY} is not set. */
    public static final String ENV = "TOPOS_DEVICE";
    /** The names {@link #parse} accepts. */
    public static final List<String> NAMES = List.of("cpu", "cuda", "gpu", "auto");

    /** The device selected by {@value #PROPERTY}, {@value #ENV} or the default {@code cpu}. */
    public static ComputeDevice current() {
        return current(null, null);
    }

    /**
     * The device selected by {@value #PROPERTY}, else {@value #ENV}, else {@code configured} (a run
     * config's {@code train.device}, named by {@code source} in errors; null if it has none), else
     * {@code cpu}.
     */
    public static ComputeDevice current(String configured, String source) {
        String property = System.getProperty(PROPERTY);
        if (property != null) {
            return parse(property, "--device (" + PROPERTY + ")");
        }
        String env = System.getenv(ENV);
        if (env != null && !env.isBlank()) {
            return parse(env, ENV);
        }
        return configured == null ? CPU : parse(configured, source);
    }

    /** Parses {@code cpu}, {@code cuda} (or {@code gpu}) or {@code auto}; {@code source} names the setting in errors. */
    public static ComputeDevice parse(String name, String source) {
        String n = name.trim().toLowerCase(Locale.ROOT);
        Check.oneOf(source, n, NAMES);
        return "gpu".equals(n) ? CUDA : valueOf(n.toUpperCase(Locale.ROOT));
    }

    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
