package dev.topos.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.topos.config.Configs;
import dev.topos.util.AtomicFiles;
import java.io.IOException;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code topos soak}: the long memory-safety check. Trains every bundled experiment (each variant of
 * a sweep on its own) for {@code --updates} updates in a child process while a second Topos process
 * trains TEM-t on the other core (each child one libtorch thread, unless OMP_NUM_THREADS says
 * otherwise), stops each with SIGTERM, and fails on any skipped update, non-finite logged value, a
 * stop that was not clean (exit 143 and its one line), or a crash.
 */
@Command(name = "soak", mixinStandardHelpOptions = true,
        description = {"Train every bundled experiment for a few hundred updates under load and fail on any",
                "skipped update, non-finite gradient or loss, unclean stop or crash (long: tens of minutes)."})
final class SoakCommand implements Callable<Integer> {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** What a native crash or the old corruption leaves in a child's output. */
    private static final Pattern CRASH = Pattern.compile(
            "SIGSEGV|SIGBUS|SIGABRT|corrupted|double free|terminate called|hs_err|fatal error|Exception in thread");
    private static final Pattern STOPPED = Pattern.compile("topos: stopped by SIGTERM after update \\d+; wrote .*");
    private static final String LOADER = "tem-t";
    private static final int MIN_UPDATES = 100;

    @Spec
    private CommandSpec spec;

    @Parameters(arity = "0..*", paramLabel = "EXPERIMENT", description = "Experiments to soak (default: all bundled).")
    private List<String> experiments = new ArrayList<>();

    @Option(names = "--updates", paramLabel = "N", description = "Updates per experiment (default: ${DEFAULT-VALUE}).")
    private int updates = 300;

    @Option(names = "--out", paramLabel = "DIR", description = "Folder of the soak's runs (default: ${DEFAULT-VALUE}).")
    private Path out = Path.of("runs", "soak");

    @Option(names = "--minutes", paramLabel = "M", description = "Longest one experiment may take (default: ${DEFAULT-VALUE}).")
    private int minutes = 60;

    /** The children alive now, stopped with SIGTERM if the soak itself is stopped. */
    private final List<Process> children = new CopyOnWriteArrayList<>();

    /** One child run: a name, the experiment (file or bundled name) and its extra assignments. */
    private record Target(String name, String experiment, List<String> sets) {}

    /** How a child run went. */
    private record Outcome(String name, long updates, double seconds, double maxGradNorm, List<String> problems) {}

    @Override
    public Integer call() throws Exception {
        if (updates < MIN_UPDATES) {
            // Each child trains a schedule of 2N and is stopped at its first log line at or past N: N must
            // exceed the experiments' train.log_every (at most 50 in the bundled ones), or training ends first.
            throw new IllegalArgumentException("--updates = " + updates + ": give at least " + MIN_UPDATES
                    + " (more than any experiment's train.log_every)");
        }
        if (Files.exists(out)) {
            throw new IllegalArgumentException(out + " exists; remove it or choose another folder with --out DIR");
        }
        Files.createDirectories(out);
        List<Target> targets = targets();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> children.forEach(Process::destroy), "soak-children"));
        PrintWriter say = spec.commandLine().getOut();
        Target load = new Target("load-" + LOADER, LOADER, List.of("train.steps=10000000"));
        long loadStart = System.nanoTime();
        Process loader = start(load);
        List<Outcome> outcomes = new ArrayList<>();
        try {
            for (Target t : targets) {
                say.printf("soak: %s (%d updates, %s loading the other core) ...%n", t.name(), updates, LOADER);
                say.flush();
                Outcome o = soak(t);
                outcomes.add(o);
                say.println(summary(o));
                say.flush();
                if (!loader.isAlive()) {
                    break;
                }
            }
        } finally {
            loader.destroy();
            loader.waitFor(5, TimeUnit.MINUTES);
            loader.destroyForcibly();
        }
        Outcome loaded = check(load.name(), loader, -1, (System.nanoTime() - loadStart) / 1e9);
        outcomes.add(loaded);
        say.println(summary(loaded) + " (the run loading the other core)");
        AtomicFiles.writeString(out.resolve("soak.json"),
                JSON.writerWithDefaultPrettyPrinter().writeValueAsString(outcomes) + "\n");
        long failed = outcomes.stream().filter(o -> !o.problems().isEmpty()).count();
        say.printf("soak: %d of %d runs clean; details in %s%n", outcomes.size() - failed, outcomes.size(),
                out.resolve("soak.json"));
        return failed == 0 && outcomes.size() == targets.size() + 1 ? 0 : 1;
    }

    private static String summary(Outcome o) {
        return "soak: " + o.name() + ": " + (o.problems().isEmpty() ? String.format(Locale.ROOT,
                "ok, %d updates in %.0f s, max grad_norm %.3g", o.updates(), o.seconds(), o.maxGradNorm())
                : "FAILED: " + String.join("; ", o.problems()));
    }

    /** Every requested experiment; a sweep becomes its variants, each its base config plus its settings. */
    private List<Target> targets() throws IOException {
        List<String> names = experiments.isEmpty() ? Experiments.bundled() : experiments;
        List<Target> targets = new ArrayList<>();
        for (String name : names) {
            Experiments.Experiment exp = Experiments.find(name);
            ObjectNode tree = Configs.parse(exp.text(), exp.source());
            if (!"sweep".equals(tree.path("study").asText())) {
                targets.add(new Target(exp.baseName(), name, List.of()));
                continue;
            }
            Path base = out.resolve(exp.baseName() + "-base.yaml");
            AtomicFiles.writeString(base, Configs.toYaml(tree.get("base")));
            for (JsonNode v : tree.path("variants")) {
                List<String> sets = new ArrayList<>();
                v.path("set").forEach(s -> sets.add(s.asText()));
                targets.add(new Target(exp.baseName() + "-" + v.path("name").asText(), base.toString(), sets));
            }
        }
        return targets;
    }

    /** Trains a target for a schedule of 2N updates and stops it with SIGTERM once it logged update N. */
    private Outcome soak(Target t) throws IOException, InterruptedException {
        Path dir = out.resolve(t.name());
        List<String> sets = new ArrayList<>(t.sets());
        sets.add("train.steps=" + 2L * updates);
        long start = System.nanoTime();
        Process child = start(new Target(t.name(), t.experiment(), sets));
        long deadline = start + TimeUnit.MINUTES.toNanos(minutes);
        try {
            while (child.isAlive() && lastStep(dir) < updates && System.nanoTime() < deadline) {
                Thread.sleep(500);
            }
            child.destroy();
            child.waitFor(10, TimeUnit.MINUTES);
        } finally {
            child.destroyForcibly();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        return check(t.name(), child, updates, seconds);
    }

    /** Starts {@code topos run} of a target into {@code out/NAME}, its output into {@code out/NAME.log}. */
    private Process start(Target t) throws IOException {
        List<String> cmd = new ArrayList<>();
        cmd.add(ProcessHandle.current().info().command().orElse("java"));
        cmd.addAll(ManagementFactory.getRuntimeMXBean().getInputArguments());
        cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), Main.class.getName(),
                "run", t.experiment(), "--out", out.resolve(t.name()).toString()));
        for (String s : t.sets()) {
            cmd.add("--set");
            cmd.add(s);
        }
        Path log = out.resolve(t.name() + ".log");
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile());
        // One core each: two libtorch processes that both spread over every core slow each other tenfold.
        pb.environment().putIfAbsent("OMP_NUM_THREADS", "1");
        Process child = pb.start();
        children.add(child);
        child.onExit().thenRun(() -> children.remove(child));
        return child;
    }

    private static long lastStep(Path dir) throws IOException {
        Path metrics = dir.resolve("metrics.jsonl");
        if (!Files.exists(metrics)) {
            return -1;
        }
        List<String> lines = Files.readAllLines(metrics, StandardCharsets.UTF_8);
        for (int i = lines.size() - 1; i >= 0; i--) {
            try {
                return JSON.readTree(lines.get(i)).path("step").asLong(-1);
            } catch (IOException e) {
                // a line being written: look at the one before
            }
        }
        return -1;
    }

    /** The problems of a finished child: its exit, its output, every logged value. */
    private Outcome check(String name, Process child, long wanted, double seconds) throws IOException {
        List<String> problems = new ArrayList<>();
        String output = Files.readString(out.resolve(name + ".log"), StandardCharsets.UTF_8);
        if (child.isAlive()) {
            problems.add("did not stop");
        } else if (child.exitValue() != 143) {
            problems.add("exit " + child.exitValue() + " (a clean stop exits 143)");
        }
        List<String> lines = output.strip().lines().toList();
        String last = lines.isEmpty() ? "" : lines.get(lines.size() - 1);
        if (!STOPPED.matcher(last).matches()) {
            problems.add("last line is not the stop message: " + last);
        }
        Matcher crash = CRASH.matcher(output);
        if (crash.find()) {
            problems.add("crash signature in the output: " + crash.group());
        }
        output.lines().filter(l -> l.contains(": skipped, ")).findFirst().ifPresent(problems::add);
        long reached = -1;
        double maxNorm = 0;
        Path metrics = out.resolve(name).resolve("metrics.jsonl");
        for (String line : Files.exists(metrics) ? Files.readAllLines(metrics) : List.<String>of()) {
            JsonNode row = JSON.readTree(line);
            long step = row.path("step").asLong();
            row.fields().forEachRemaining(e -> {
                double v = e.getValue().asDouble(Double.NaN);
                if (!Double.isFinite(v) || e.getKey().equals("skipped")) {
                    problems.add("update " + step + ": " + e.getKey() + " = " + v);
                }
            });
            reached = step;
            maxNorm = Math.max(maxNorm, row.path("grad_norm").asDouble(0));
        }
        if (reached < wanted) {
            problems.add("reached update " + reached + " of " + wanted);
        }
        return new Outcome(name, reached, seconds, maxNorm, problems);
    }
}
