package dev.topos.cli;

import dev.topos.data.fetch.CacheEntry;
import dev.topos.data.fetch.DataStore;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code topos data list}: a table of the known data sets, whether each is cached, its size, license and source. */
@Command(name = "list", mixinStandardHelpOptions = true,
        description = "List the known data sets: cached or not, size on disk, license, source.")
final class DataListCommand implements Callable<Integer> {
    private static final String[] HEADER = {"NAME", "CACHED", "SIZE", "LICENSE", "SOURCE"};

    @Spec
    private CommandSpec spec;

    @ParentCommand
    private DataCommand data;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        DataStore store = data.store(out);
        List<String[]> rows = new ArrayList<>();
        rows.add(HEADER);
        for (CacheEntry e : store.list()) {
            rows.add(new String[] {e.name(), cached(e.state()),
                    e.state() == CacheEntry.State.CACHED ? DataCommand.size(e.bytes()) : "-", e.license(), e.source()});
        }
        TextTable.print(out, rows);
        out.println("cache: " + store.root());
        out.flush();
        return 0;
    }

    private static String cached(CacheEntry.State state) {
        return switch (state) {
            case CACHED -> "yes";
            case MISSING -> "no";
            case DAMAGED -> "damaged";
        };
    }
}
