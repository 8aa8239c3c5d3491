package dev.topos.train;

import java.io.PrintStream;
import java.util.Locale;

/**
 * A progress line on stderr: step, loss, throughput and ETA. On a terminal it redraws one line;
 * elsewhere (CI logs) it prints a line at most every {@code quietSeconds}.
 */
public final class Progress {
    private final PrintStream err;
    private final String label;
    private final long total;
    private final long first;
    private final boolean terminal;
    private final long startNanos = System.nanoTime();
    private long lastPrint;

    public Progress(String label, long first, long total) {
        this.err = System.err;
        this.label = label;
        this.first = first;
        this.total = total;
        this.terminal = System.console() != null;
    }

    public void update(long step, double loss, String extra) {
        long now = System.nanoTime();
        boolean done = step >= total;
        if (!done && now - lastPrint < (terminal ? 200_000_000L : 15_000_000_000L)) {
            return;
        }
        lastPrint = now;
        double secs = (now - startNanos) / 1e9;
        double rate = (step - first) / Math.max(secs, 1e-9);
        double eta = rate > 0 ? (total - step) / rate : Double.NaN;
        int width = 24;
        int filled = (int) Math.round(width * (double) step / Math.max(total, 1));
        String bar = "#".repeat(Math.min(filled, width)) + ".".repeat(Math.max(width - filled, 0));
        String line = String.format(Locale.ROOT, "%s [%s] %d/%d loss %.4f %s %.1f it/s ETA %s",
                label, bar, step, total, loss, extra, rate, clock(eta));
        if (terminal) {
            err.print("\r" + line + (done ? "\n" : ""));
        } else {
            err.println(line);
        }
        err.flush();
    }

    static String clock(double seconds) {
        if (!Double.isFinite(seconds)) {
            return "--:--";
        }
        long s = Math.round(seconds);
        return s >= 3600 ? String.format("%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
                : String.format("%02d:%02d", s / 60, s % 60);
    }
}
