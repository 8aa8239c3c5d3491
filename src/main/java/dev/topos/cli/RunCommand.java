package dev.topos.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.topos.config.ConfigException;
import dev.topos.config.Configs;
import dev.topos.experiment.Studies;
import dev.topos.experiment.Study;
import dev.topos.report.RunReport;
import dev.topos.train.RunRecord;
import dev.topos.train.StopSignal;
import dev.topos.util.AtomicFiles;
import java.io.IOException;
import java.nio.file.Files;
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

/**
 * {@code topos run EXPERIMENT...}: resolves each experiment's config with its study, writes it to
 * the run folder's config.yaml and runs the study there, one experiment after another; {@code --resume} continues a run whose
 * config is unchanged except for a longer {@code train.steps}.
 */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = {"Train, evaluate, analyse and report an experiment into a run folder.",
                "EXPERIMENT is a bundled experiment name (see 'topos info') or a path to a YAML file."})
final class RunCommand implements Callable<Integer> {
    /** The one key that may differ from the stored config when resuming (it may only grow). */
    static final String STEPS = "train.steps";

    @Spec
    private CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "EXPERIMENT",
            description = "Bundled experiment name or YAML file; several run one after another, in order.")
    private List<String> experiments;

    @Option(names = "--out", paramLabel = "DIR", description = "Run folder (default: runs/<name>); one experiment only.")
    private Path out;

    @Option(names = "--set", paramLabel = "KEY=VALUE",
            description = "Override a config value, e.g. --set train.steps=200 --set eval.sizes=[8,9].")
    private List<String> sets = new ArrayList<>();

    @Option(names = "--resume", description = "Continue the run in the folder from its latest checkpoint.")
    private boolean resume;

    /**
     * Checks every experiment (config, run folder) before the first one starts, so that a mistake
     * in the last does not surface after hours of training the first.
     */
    @Override
    public Integer call() throws IOException {
        if (out != null && experiments.size() > 1) {
            throw new IllegalArgumentException("--out names one run folder, but " + experiments.size()
                    + " experiments were given; drop --out to run each in runs/<name>");
        }
        List<Planned> plan = new ArrayList<>();
        try {
            for (String experiment : experiments) {
                plan.add(plan(experiment, plan));
            }
        } catch (IOException | RuntimeException e) {
            for (Planned p : plan) {
                if (p.lock() != null) {
                    p.lock().close();
                }
            }
            throw e;
        }
        for (Planned p : plan) {
            // A new folder is made and locked only now, once every experiment has been checked.
            try (RunLock held = p.lock() != null ? p.lock() : RunLock.acquire(p.dir(), spec.commandLine().getErr())) {
                AtomicFiles.writeString(p.dir().resolve(RunFolder.CONFIG), Configs.toYaml(p.resolved()));
                spec.commandLine().getOut().printf("%s %s (study %s, %s)%n", resume ? "Resuming" : "Running", p.dir(),
                        p.study().name(), p.source());
                spec.commandLine().getOut().flush();
                RunFolder.selectDevice(p.resolved(), p.source());
                RunRecord record = RunRecord.begin(p.dir(), p.resolved(), resume);
                try {
                    p.study().run(p.dir(), p.resolved(), resume);
                } catch (StopSignal.Stopped e) {
                    record.finish(RunRecord.State.INCOMPLETE, e.getMessage());
                    throw e;
                } catch (IOException | RuntimeException | Error e) {
                    record.finish(RunRecord.State.FAILED, Main.describe(e));
                    throw e;
                }
                record.finish(RunRecord.State.COMPLETE, null);
                RunReport.write(p.dir(), p.study().keyFigures());
                spec.commandLine().getOut().printf("Report: %s%n",
                        p.dir().resolve(RunReport.REPORT_FILE).toAbsolutePath());
            }
        }
        return 0;
    }

    /** An experiment resolved against its study, with the run folder it will use and its lock if it exists. */
    private record Planned(Study study, ObjectNode resolved, Path dir, String source, RunLock lock) {}

    private Planned plan(String experiment, List<Planned> plan) throws IOException {
        Experiments.Experiment exp = Experiments.find(experiment);
        ObjectNode user = Configs.override(Configs.parse(exp.text(), exp.source()), sets);
        Study study = Studies.of(user, exp.source());
        ObjectNode resolved = withStudy(study, study.resolve(user, exp.source()));
        Path dir = out != null ? out : Path.of("runs", runName(user, exp));
        for (Planned earlier : plan) {
            if (earlier.dir().toAbsolutePath().normalize().equals(dir.toAbsolutePath().normalize())) {
                throw new IllegalArgumentException(dir + " is the run folder of two of the experiments given; "
                        + "give each its own name");
            }
        }
        // A live run's folder is refused first, whatever else is wrong with it.
        RunLock lock = Files.isDirectory(dir) ? RunLock.acquire(dir, spec.commandLine().getErr()) : null;
        try {
            Path configFile = dir.resolve(RunFolder.CONFIG);
            boolean exists = Files.exists(configFile);
            if (exists && !resume) {
                throw new IllegalArgumentException(dir + " already holds a run (" + RunFolder.CONFIG
                        + "); add --resume to continue it, or choose another folder with --out DIR");
            }
            if (!exists && resume) {
                throw new IllegalArgumentException(dir + " holds no run to resume (no " + RunFolder.CONFIG
                        + "); drop --resume to start one");
            }
            if (resume) {
                // a setting added to Topos after a run of this study was made is read at its default on both sides
                ObjectNode stored = RunFolder.readConfig(dir);
                boolean sameStudy = stored.path("study").asText().equals(resolved.path("study").asText());
                requireResumable(sameStudy ? withStudy(study, study.resolve(stored, configFile.toString())) : stored,
                        resolved, configFile);
                Optional<String> why = study.notResumable(dir);
                if (why.isPresent()) {
                    throw new IllegalArgumentException("cannot resume " + dir + ": " + why.get()
                            + "; to start again, delete the folder or choose another with --out DIR");
                }
            }
        } catch (IOException | RuntimeException e) {
            if (lock != null) {
                lock.close();
            }
            throw e;
        }
        return new Planned(study, resolved, dir, exp.source(), lock);
    }

    /** The config.yaml of a run always names its study, so analyze and report can find it. */
    private static ObjectNode withStudy(Study study, ObjectNode resolved) {
        ObjectNode out = Configs.yaml().createObjectNode().put("study", study.name());
        out.setAll(resolved);
        return out;
    }

    /** The config's {@code name}, else the experiment file's base name. */
    static String runName(JsonNode user, Experiments.Experiment exp) {
        JsonNode name = user.get("name");
        String n = name != null && name.isTextual() && !name.asText().isBlank() ? name.asText() : exp.baseName();
        if (!Experiments.NAME.matcher(n).matches()) {
            throw new ConfigException(exp.source() + ": name = '" + n
                    + "' must be letters, digits, '.', '_' or '-' (it names the run folder runs/<name>)");
        }
        return n;
    }

    /** A resumed run must be of the stored study and have its config, except that train.steps may grow. */
    static void requireResumable(JsonNode stored, JsonNode now, Path configFile) {
        String was = stored.path("study").asText();
        String is = now.path("study").asText();
        if (!was.equals(is)) {
            throw new ConfigException(configFile + ": cannot resume: the folder holds a run of study '" + was
                    + "', not '" + is + "'");
        }
        List<String> differing = Configs.differences(stored, now).stream().filter(k -> !k.equals(STEPS)).toList();
        if (!differing.isEmpty()) {
            throw new ConfigException(configFile + ": cannot resume: the config differs from the stored one in "
                    + String.join(", ", differing) + " (only " + STEPS + " may change, to extend the run)");
        }
        JsonNode before = stored.at("/train/steps");
        JsonNode after = now.at("/train/steps");
        if (before.isNumber() && after.isNumber() && after.asLong() < before.asLong()) {
            throw new ConfigException(configFile + ": cannot resume: " + STEPS + " = " + after.asLong()
                    + " is less than the stored " + before.asLong() + "; a resumed run can only be extended");
        }
    }
}
