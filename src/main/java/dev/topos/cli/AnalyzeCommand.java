package dev.topos.cli;

import dev.topos.experiment.AnalysisInputs;
import dev.topos.experiment.Study;
import dev.topos.report.RunReport;
import dev.topos.train.Checkpoints;
import dev.topos.train.RunRecord;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code topos analyze RUN_DIR [--suite FILE]... [--minimal-pairs DIR]}: redoes a run's evaluation, analysis and report from its latest checkpoint. */
@Command(name = "analyze", mixinStandardHelpOptions = true,
        description = "Redo evaluation, analysis and report of a run from its latest checkpoint.")
final class AnalyzeCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "RUN_DIR", description = "A run folder made by 'topos run'.")
    private Path runDir;

    @Option(names = "--suite", paramLabel = "FILE", description = "A test-suite file (one 'item<TAB>condition'"
            + " per line, two conditions) to analyse beside the run's configured suites; repeatable.")
    private List<Path> suites = new ArrayList<>();

    @Option(names = "--minimal-pairs", paramLabel = "DIR", description = "A folder of minimal pairs in BLiMP's"
            + " format (.jsonl, one {\"sentence_good\", \"sentence_bad\", \"UID\", \"field\", ...} a line),"
            + " or 'imdb-agreement' (agreement pairs built from the IMDB reviews held out of pretraining),"
            + " scored by pseudo-log-likelihood; masked language models (study topoformer-bert) only.")
    private Path minimalPairs;

    @Override
    public Integer call() throws Exception {
        Study study = RunFolder.study(runDir);
        RunFolder.selectDevice(RunFolder.readConfig(runDir), runDir.resolve(RunFolder.CONFIG).toString());
        try (RunLock held = RunLock.acquire(runDir, spec.commandLine().getErr())) {
            study.analyze(runDir, new AnalysisInputs(suites, Optional.ofNullable(minimalPairs)));
            RunRecord.stampSummary(runDir);
            Path report = RunReport.write(runDir, study.keyFigures());
            String from = new Checkpoints(runDir).latest().map(c -> " from " + c.getFileName()).orElse("");
            spec.commandLine().getOut().printf("Analysed %s%s%s: rewrote summary.json and %s%n", runDir, from,
                    (suites.isEmpty() ? "" : " with " + suites.size() + " more suite(s)")
                            + (minimalPairs == null ? "" : " and the minimal pairs of " + minimalPairs),
                    report.toAbsolutePath());
        }
        return 0;
    }
}
