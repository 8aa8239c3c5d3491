package dev.topos.nn;

/**
 * How glibc's malloc serves libtorch's CPU tensors in this process. By default glibc maps each
 * large block (above its mmap threshold, at most 32 MB) fresh and unmaps it on free, so a training
 * loop page-faults its activations back in every update; the {@code topos} launcher sets
 * {@value #MMAP_MAX}=0 (and a high trim threshold) so freed blocks stay on the heap for reuse, as a
 * caching allocator would. The variables are read by glibc at process start: this class only
 * reports them.
 */
public final class HostAllocator {
    /** glibc's limit on blocks served by mmap; 0 serves every block from the heap. */
    public static final String MMAP_MAX = "MALLOC_MMAP_MAX_";

    private HostAllocator() {}

    /** A short description for {@code topos info}, benchmarks and a run's compute.json. */
    public static String describe() {
        return "0".equals(System.getenv(MMAP_MAX))
                ? "glibc malloc, freed blocks kept on the heap (" + MMAP_MAX + "=0)"
                : "glibc malloc defaults (large blocks mapped and unmapped each time; the topos launcher sets "
                        + MMAP_MAX + "=0)";
    }
}
