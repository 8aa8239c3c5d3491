package dev.topos.testing;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;

/**
 * Makes freed native memory visible: collects garbage (so that the JDK's cleaner frees every
 * unreachable direct buffer), then allocates many direct buffers of a given size filled with a
 * marker value. The C allocator hands recently freed blocks of that size out again, so a tensor that
 * still reads a freed Java buffer then reads the marker instead of its values.
 */
public final class MemoryChurn {
    private MemoryChurn() {}

    /** Returns the filled buffers: keep them reachable while the memory is inspected. */
    public static List<ByteBuffer> freeAndRefill(int bytes, float marker) {
        for (int i = 0; i < 4; i++) {
            System.gc();
            try {
                Thread.sleep(10); // the cleaner thread frees the buffers the collection found
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        List<ByteBuffer> kept = new ArrayList<>();
        for (int i = 0; i < 64; i++) {
            ByteBuffer b = ByteBuffer.allocateDirect(bytes).order(ByteOrder.nativeOrder());
            while (b.remaining() >= Float.BYTES) {
                b.putFloat(marker);
            }
            kept.add(b);
        }
        return kept;
    }
}
