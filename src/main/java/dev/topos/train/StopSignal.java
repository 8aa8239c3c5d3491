package dev.topos.train;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import sun.misc.Signal;

/**
 * SIGTERM and SIGINT (Ctrl-C) as a request to stop. While a {@link TrainLoop} trains, the first one
 * lets the current update finish; the loop then writes a checkpoint and ends with {@link Stopped}.
 * Outside training, or on a second signal, the process exits at once with 128 + the signal number,
 * as the JVM's own handler would.
 */
public final class StopSignal {
    private static final AtomicReference<Signal> REQUESTED = new AtomicReference<>();
    private static final AtomicInteger TRAINING = new AtomicInteger();
    private static volatile boolean installed;

    private StopSignal() {}

    /** Takes over SIGTERM and SIGINT for this process (idempotent). */
    public static synchronized void install() {
        if (installed) {
            return;
        }
        for (String name : new String[] {"TERM", "INT"}) {
            Signal.handle(new Signal(name), StopSignal::received);
        }
        installed = true;
    }

    private static void received(Signal s) {
        if (TRAINING.get() > 0 && REQUESTED.compareAndSet(null, s)) {
            System.err.println("topos: SIG" + s.getName() + ": finishing this update, writing a checkpoint, stopping"
                    + " (again to stop at once)");
            return;
        }
        // The handler runs on its own thread; exit runs the shutdown hooks as the JVM's default would.
        new Thread(() -> System.exit(128 + s.getNumber()), "topos-exit").start();
    }

    /** The signal that asked training to stop, if one did. */
    static Signal requested() {
        return REQUESTED.get();
    }

    static void trainingStarts() {
        TRAINING.incrementAndGet();
    }

    static void trainingEnds() {
        TRAINING.decrementAndGet();
    }

    /** Training stopped on a signal, after writing the checkpoint of the step it reached. */
    public static final class Stopped extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final int exitCode;

        Stopped(Signal s, String message) {
            super(message);
            this.exitCode = 128 + s.getNumber();
        }

        /** 128 + the signal number: 143 for SIGTERM, 130 for SIGINT. */
        public int exitCode() {
            return exitCode;
        }
    }
}
