package dev.topos.cli;

import dev.topos.data.fetch.DataStore;
import dev.topos.data.suites.LinguisticSuites;
import dev.topos.data.suites.Suite;
import dev.topos.data.suites.SuiteFile;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code topos suites build}: builds the eight linguistic test suites of topoformer.md §6 and
 * writes them as {@code DIR/<name>.tsv} ({@link SuiteFile}). The data folders are given
 * explicitly: the Brown corpus files, the AFINN-165 lexicon and the UCI sentences, each in the
 * cached or the upstream layout.
 */
@Command(name = "suites", mixinStandardHelpOptions = true, subcommands = SuitesCommand.Build.class,
        description = "Linguistic test suites: contrasts of two conditions for selectivity maps.")
final class SuitesCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    /** {@code topos suites} alone prints the usage and fails. */
    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return Main.USER_ERROR;
    }

    @Command(name = "build", mixinStandardHelpOptions = true,
            description = "Build the eight suites from the Brown corpus, AFINN-165 and the UCI sentences; "
                    + "write DIR/<name>.tsv.")
    static final class Build implements Callable<Integer> {
        @Spec
        private CommandSpec spec;

        @Option(names = "--out", required = true, paramLabel = "DIR", description = "Folder for the suite files.")
        private Path out;

        @Option(names = "--seed", defaultValue = "42", paramLabel = "N",
                description = "Seed of the sentence samples, word orders and pseudo-words (default: ${DEFAULT-VALUE}).")
        private long seed;

        @Option(names = "--brown", paramLabel = "DIR",
                description = "Brown corpus folder (files ca01 ... cr09); default: the cached data set 'brown', fetched if missing.")
        private Path brown;

        @Option(names = "--afinn", paramLabel = "DIR",
                description = "AFINN-165 folder (labels.json or AFINN-165.txt); default: the cached data set 'afinn', fetched if missing.")
        private Path afinn;

        @Option(names = "--uci", paramLabel = "DIR",
                description = "UCI sentences folder (imdb/amazon/yelp .json or *_labelled.txt); default: the cached data set 'uci-sentences', fetched if missing.")
        private Path uci;

        @Override
        public Integer call() throws IOException {
            StringBuilder command = new StringBuilder("topos suites build --out " + out + " --seed " + seed);
            DataStore store = DataStore.standard(spec.commandLine().getErr()::println);
            brown = folder(brown, "--brown", "brown", store, command);
            afinn = folder(afinn, "--afinn", "afinn", store, command);
            uci = folder(uci, "--uci", "uci-sentences", store, command);
            PrintWriter pw = spec.commandLine().getOut();
            for (Suite s : LinguisticSuites.buildAll(brown, afinn, uci, seed)) {
                Path file = out.resolve(s.name() + SuiteFile.EXTENSION);
                SuiteFile.write(file, s.withHeader(List.of("command: " + command)));
                pw.printf("%s: %d %s, %d %s%n", file, s.a().items().size(), s.a().name(), s.b().items().size(),
                        s.b().name());
            }
            pw.flush();
            return 0;
        }

        /** The folder the user gave (also recorded in {@code command}), else the cached data set. */
        private static Path folder(Path given, String option, String dataSet, DataStore store, StringBuilder command)
                throws IOException {
            if (given == null) {
                return store.require(dataSet);
            }
            command.append(' ').append(option).append(' ').append(given);
            return given;
        }
    }
}
