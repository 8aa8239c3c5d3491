package dev.topos.cli;

import dev.topos.data.fetch.DataStore;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code topos data get|list}: the cache of real data sets ({@link DataStore}). Alone it prints its
 * usage and fails, like {@code topos}.
 */
@Command(name = "data", mixinStandardHelpOptions = true,
        description = {"Fetch, import and list the real data sets.",
                "The cache is $TOPOS_DATA, else $XDG_CACHE_HOME/topos/data, else ~/.cache/topos/data."},
        subcommands = {DataGetCommand.class, DataListCommand.class})
final class DataCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    private DataStore store;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return Main.USER_ERROR;
    }

    /** Uses {@code store} instead of the standard one (tests). */
    void useStore(DataStore store) {
        this.store = store;
    }

    /** The store; the standard one logs its progress on {@code out}. */
    DataStore store(PrintWriter out) {
        if (store == null) {
            store = DataStore.standard(line -> {
                out.println(line);
                out.flush();
            });
        }
        return store;
    }

    /** A byte count for people: {@code 66.4 MB}, {@code 142 KB}, {@code 512 B} (decimal units). */
    static String size(long bytes) {
        if (bytes < 1000) {
            return bytes + " B";
        }
        if (bytes < 1_000_000) {
            return String.format(Locale.ROOT, "%.0f KB", bytes / 1e3);
        }
        if (bytes < 1_000_000_000) {
            return String.format(Locale.ROOT, "%.1f MB", bytes / 1e6);
        }
        return String.format(Locale.ROOT, "%.2f GB", bytes / 1e9);
    }
}
