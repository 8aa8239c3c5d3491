package dev.topos.bench;

/** Times training updates: a few warm-up updates, then as many as fit a wall-clock budget. */
final class UpdateTimer {
    private UpdateTimer() {}

    /** Updates per second of {@code update} over at least {@code seconds}, after {@code warmup} untimed ones. */
    static Rate measure(Runnable update, int warmup, double seconds) {
        for (int i = 0; i < warmup; i++) {
            update.run();
        }
        long start = System.nanoTime();
        int n = 0;
        while ((System.nanoTime() - start) / 1e9 < seconds) {
            update.run();
            n++;
        }
        return new Rate(n, (System.nanoTime() - start) / 1e9, warmup);
    }

    /** {@code updates} timed updates in {@code seconds}, after {@code warmup} untimed ones. */
    record Rate(int updates, double seconds, int warmup) {
        double perSecond() {
            return updates / seconds;
        }
    }
}
