package dev.topos.nn;

/**
 * How glibc's malloc serves libtorch's CPU tensors in this process. By default glibc maps each
 * large block (above its mmap threshold, at most 32 MB) fresh and unmaps it on free, and it gives
 * every thread other than the process's main thread (the JVM's threads that call libtorch) arenas
 * of 64 MB mmap'd heaps that it unmaps once they are empty; either way a training loop page-faults
 * its activations back in every update. The {@code topos} launcher sets {@value #MMAP_MAX}=0, a high
 * trim threshold and {@value #ARENA_MAX}=1, so every block comes from the one main heap and freed
 * blocks stay there for reuse, as a caching allocator would. The variables are read by glibc at
 * process start: this class only reports them.
 */
public final class HostAllocator {
    /** glibc's limit on blocks served by mmap; 0 serves every block from the heap. */
    public static final String MMAP_MAX = "MALLOC_MMAP_MAX_";
    /** glibc's limit on arenas; 1 puts every thread on the main heap. */
    public static final String ARENA_MAX = "MALLOC_ARENA_MAX";

    private HostAllocator() {}

    /** A short description for {@code topos info}, benchmarks and a run's compute.json. */
    public static String describe() {
        boolean heap = "0".equals(System.getenv(MMAP_MAX));
        boolean oneArena = "1".equals(System.getenv(ARENA_MAX));
        if (heap && oneArena) {
            return "glibc malloc, one arena, freed blocks kept on the heap (" + MMAP_MAX + "=0, " + ARENA_MAX + "=1)";
        }
        return "glibc malloc with freed blocks returned to the system (" + MMAP_MAX + "=" + System.getenv(MMAP_MAX)
                + ", " + ARENA_MAX + "=" + System.getenv(ARENA_MAX)
                + "): activations are page-faulted back in every update; the topos launcher sets "
                + MMAP_MAX + "=0 and " + ARENA_MAX + "=1";
    }
}
