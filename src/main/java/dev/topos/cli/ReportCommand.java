package dev.topos.cli;

import dev.topos.report.RunReport;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code topos report RUN_DIR}: rewrites a run's report.html from what the run folder holds. */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = "Rewrite report.html of a run from its metrics and analysis files.")
final class ReportCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "RUN_DIR", description = "A run folder made by 'topos run'.")
    private Path runDir;

    @Override
    public Integer call() throws Exception {
        RunReport.write(runDir, RunFolder.study(runDir).keyFigures());
        spec.commandLine().getOut().println("Wrote " + runDir.resolve("report.html"));
        return 0;
    }
}
