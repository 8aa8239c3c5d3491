package dev.topos.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Process memory as the kernel reports it (native tensors included, unlike the JVM heap). */
final class Memory {
    private Memory() {}

    /** Peak resident set size (VmHWM of /proc/self/status) in GiB; NaN where not available. */
    static double peakRssGiB() {
        return field(Path.of("/proc/self/status"), "VmHWM:");
    }

    /** Current resident set size (VmRSS) of process {@code pid} in GiB; NaN once it is gone or where not available. */
    static double rssGiB(long pid) {
        return field(Path.of("/proc/" + pid + "/status"), "VmRSS:");
    }

    /** Memory the kernel could hand out without swapping (MemAvailable of /proc/meminfo) in GiB; NaN where not available. */
    static double availableGiB() {
        return field(Path.of("/proc/meminfo"), "MemAvailable:");
    }

    /** The kB value of the line starting with {@code key} of a /proc file, in GiB; NaN if the file or line is missing. */
    static double field(Path file, String key) {
        try {
            return kibToGiB(Files.readAllLines(file), key);
        } catch (IOException | RuntimeException e) {
            return Double.NaN;
        }
    }

    /** "VmHWM:   123456 kB" -&gt; 123456 / 2^20. */
    static double kibToGiB(List<String> lines, String key) {
        for (String line : lines) {
            if (line.startsWith(key)) {
                return Long.parseLong(line.substring(key.length()).replaceAll("[^0-9]", "")) / (1024.0 * 1024.0);
            }
        }
        return Double.NaN;
    }
}
