package dev.topos.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code topos runs [DIR]}: the run folders under DIR, one line each. */
@Command(name = "runs", mixinStandardHelpOptions = true,
        description = {"List the runs under a folder (default runs/), one line each: name, study, state "
                + "(complete, running, incomplete, failed), steps reached of those configured, key figures, wall "
                + "time, start date."})
final class RunsCommand implements Callable<Integer> {
    private static final String[] HEADER = {"RUN", "STUDY", "STATE", "STEPS", "FIGURES", "WALL", "DATE"};

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", arity = "0..1", paramLabel = "DIR", description = "Folder of runs (default: runs).")
    private Path root = Path.of("runs");

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        List<Path> dirs = RunInfo.under(root);
        if (dirs.isEmpty()) {
            out.println("no runs under " + root + " (a run folder holds the config.yaml that 'topos run' writes)");
            out.flush();
            return 0;
        }
        List<String[]> rows = new ArrayList<>();
        rows.add(HEADER);
        for (Path dir : dirs) {
            String name = root.relativize(dir).toString();
            try {
                RunInfo r = RunInfo.of(dir);
                rows.add(new String[] {name, r.study().name(), r.state(), r.stepsText(), r.figuresText(), r.wallText(),
                        r.dateText()});
            } catch (RuntimeException | IOException e) {
                rows.add(new String[] {name, "?", "unreadable: " + Main.describe(e), "", "", "", ""});
            }
        }
        TextTable.print(out, rows);
        out.flush();
        return 0;
    }
}
