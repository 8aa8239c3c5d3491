package dev.topos.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** A TEM-t experiment small enough to train, evaluate and report in about a second. */
final class TinyTem {
    private TinyTem() {}

    /** Writes {@code dir/tiny.yaml} (seed 5) training {@code steps} updates and returns it. */
    static Path write(Path dir, int steps) throws IOException {
        Path file = dir.resolve("tiny.yaml");
        Files.writeString(file, String.join("\n",
                "study: tem",
                "name: tiny",
                "seed: 5",
                "world: {batch: 4, min_side: 4, max_side: 5, symbols: 10}",
                "walk: {chunk: 8, restart_max: 2, restart_min: 1, anneal_steps: 6}",
                "model: {kind: tem-t, code_units: 16, key_dim: 8, value_dim: 8, memory: 32, readout_hidden: 16}",
                "train: {steps: " + steps + ", log_every: 7, checkpoint_every: 700, keep_checkpoints: 2}",
                "eval: {worlds: 2, steps: 50, bins: 5, units: 4}", ""));
        return file;
    }
}
