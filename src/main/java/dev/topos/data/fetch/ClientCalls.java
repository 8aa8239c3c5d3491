package dev.topos.data.fetch;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Runs the package clients for a data set and turns their failures into one-line
 * {@link DataSetException}s: a program missing from PATH, or a non-zero exit with the gist of its
 * stderr.
 */
final class ClientCalls {
    private final CommandRunner runner;

    ClientCalls(CommandRunner runner) {
        this.runner = runner;
    }

    /** Runs {@code command} in {@code dir} for data set {@code set}; returns only if it succeeded. */
    void run(DataSet set, Path dir, List<String> command) throws IOException {
        String shown = String.join(" ", command);
        CommandRunner.Result result;
        try {
            result = runner.run(dir, command);
        } catch (CommandNotFoundException e) {
            throw new DataSetException(set.name(), "'" + e.program() + "' is not on PATH (needed to run '" + shown
                    + "'); install it, or import your own copy with 'topos data get " + set.name() + " --from PATH'");
        }
        if (result.exitCode() != 0) {
            throw new DataSetException(set.name(), "'" + shown + "' failed with exit code " + result.exitCode() + ": "
                    + result.summary() + set.client().hint(result.stderr()));
        }
    }
}
