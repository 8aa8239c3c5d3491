package dev.topos.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.topos.config.ComputeDevice;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;

class MainTest {
    @TempDir
    Path tmp;

    /** Exit code and captured output of one {@code topos} invocation. */
    record Result(int code, String out, String err) {
        void assertUserError(String... fragments) {
            assertEquals(2, code, "exit code; stderr: " + err);
            assertTrue(err.startsWith("topos: "), err);
            assertEquals(1, err.strip().lines().count(), "one line, no stack trace: " + err);
            for (String f : fragments) {
                assertTrue(err.contains(f), "stderr should mention '" + f + "': " + err);
            }
        }
    }

    static Result topos(String... args) {
        return topos(cl -> { }, args);
    }

    /** Runs {@code topos args} on a command line that {@code setUp} prepared first (e.g. gave it a test store). */
    static Result topos(Consumer<CommandLine> setUp, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        var cl = Main.commandLine();
        setUp.accept(cl);
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int code = cl.execute(args);
        return new Result(code, out.toString(), err.toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {"info", "run", "analyze", "report", "bench", "data"})
    void everySubcommandHasHelp(String command) {
        Result r = topos(command, "--help");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("Usage: topos " + command), r.out());
        assertTrue(r.out().contains("--help"), r.out());
    }

    @Test
    void topLevelHelpListsSubcommandsAndVersionPrints() {
        Result help = topos("--help");
        assertEquals(0, help.code());
        for (String c : new String[] {"info", "run", "analyze", "report", "bench", "data", "--device"}) {
            assertTrue(help.out().contains(c), help.out());
        }
        Result version = topos("--version");
        assertEquals(0, version.code());
        assertTrue(version.out().startsWith("topos "), version.out());
    }

    @Test
    void noSubcommandPrintsUsageAndFails() {
        Result r = topos();
        assertEquals(2, r.code());
        assertTrue(r.err().contains("Usage: topos"), r.err());
    }

    @Test
    void unknownExperimentListsBundledOnes() {
        topos("run", "nope").assertUserError("'nope'", "bundled: ", "fake");
    }

    @Test
    void yamlWithoutStudyNamesTheFileAndTheStudies() throws IOException {
        Path yaml = Files.writeString(tmp.resolve("nostudy.yaml"), "train:\n  steps: 5\n");
        topos("run", yaml.toString(), "--out", tmp.resolve("r").toString())
                .assertUserError(yaml.toString(), "missing required key 'study'", "allowed: ", "fake");
    }

    @Test
    void unknownStudyListsTheStudies() throws IOException {
        Path yaml = Files.writeString(tmp.resolve("x.yaml"), "study: tem-9000\n");
        topos("run", yaml.toString()).assertUserError(yaml.toString(), "'tem-9000' is not known", "allowed: ", "fake");
    }

    @Test
    void configErrorsOfTheStudyNameTheSource() {
        topos("run", "fake", "--set", "train.steps=abc", "--out", tmp.resolve("r").toString())
                .assertUserError("experiments/fake.yaml", "train.steps", "an integer");
        topos("run", "fake", "--set", "train.stpes=3", "--out", tmp.resolve("r").toString())
                .assertUserError("unknown key 'train.stpes'", "allowed keys here: lr, steps");
    }

    @Test
    void runWritesTheConfigAndRunsTheStudy() throws IOException {
        Path dir = tmp.resolve("run1");
        Result r = topos("run", "fake", "--out", dir.toString(), "--set", "train.lr=0.5");
        assertEquals(0, r.code(), r.err());
        String config = Files.readString(dir.resolve("config.yaml"));
        assertTrue(config.contains("study: fake"), config);
        assertTrue(config.contains("lr: 0.5"), config);
        assertEquals("run resume=false steps=10\n", FakeStudy.calls(dir));
    }

    @Test
    void anExistingRunNeedsResumeAndResumeOnlyExtendsSteps() throws IOException {
        Path dir = tmp.resolve("run");
        String out = dir.toString();
        assertEquals(0, topos("run", "fake", "--out", out).code());

        topos("run", "fake", "--out", out).assertUserError(out, "already holds a run", "--resume", "--out");
        topos("run", "fake", "--out", out, "--resume", "--set", "train.lr=0.2", "--set", "name=other")
                .assertUserError("differs", "name, train.lr");
        topos("run", "fake", "--out", out, "--resume", "--set", "train.steps=5")
                .assertUserError("train.steps = 5 is less than the stored 10");

        Result resumed = topos("run", "fake", "--out", out, "--resume", "--set", "train.steps=30");
        assertEquals(0, resumed.code(), resumed.err());
        assertTrue(resumed.out().startsWith("Resuming"), resumed.out());
        assertEquals("run resume=false steps=10\nrun resume=true steps=30\n", FakeStudy.calls(dir));
        assertTrue(Files.readString(dir.resolve("config.yaml")).contains("steps: 30"));
    }

    @Test
    void aRunWrittenBeforeASettingExistedResumesWithItsDefault() throws IOException {
        Path dir = tmp.resolve("older");
        String out = dir.toString();
        assertEquals(0, topos("run", "fake", "--out", out).code());
        Path config = dir.resolve("config.yaml");
        String stored = Files.readString(config);
        assertTrue(stored.contains("lr: 0.1"), stored);
        Files.writeString(config, stored.replace("lr: 0.1", "").replaceAll("\\n\\s*\\n", "\n"));

        Result resumed = topos("run", "fake", "--out", out, "--resume", "--set", "train.steps=20");
        assertEquals(0, resumed.code(), resumed.err());
        topos("run", "fake", "--out", out, "--resume", "--set", "train.steps=30", "--set", "train.lr=0.2")
                .assertUserError("differs", "train.lr");
    }

    @Test
    void severalExperimentsAreCheckedFirstThenRunInOrder() throws IOException {
        Path yaml = tmp.resolve("second.yaml");
        Files.writeString(yaml, "study: fake\nname: second\ntrain:\n  stpes: 3\n");
        topos("run", "fake", yaml.toString(), "--out", tmp.resolve("x").toString())
                .assertUserError("--out names one run folder, but 2 experiments were given");
        topos("run", "fake", yaml.toString()).assertUserError(yaml.toString(), "unknown key 'train.stpes'");
        assertFalse(Files.exists(Path.of("runs", "fake")), "nothing ran before every experiment was checked");
    }

    @Test
    void resumeWithoutARunFails() {
        Path dir = tmp.resolve("empty");
        topos("run", "fake", "--out", dir.toString(), "--resume").assertUserError("no run to resume");
    }

    @Test
    void analyzeCallsTheStudyOfTheRunFolder() throws IOException {
        Path dir = tmp.resolve("a");
        assertEquals(0, topos("run", "fake", "--out", dir.toString()).code());
        Result r = topos("analyze", dir.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(FakeStudy.calls(dir).endsWith("analyze\n"));
    }

    @Test
    void suitesAreOnlyForStudiesThatTakeThem() throws IOException {
        Path dir = tmp.resolve("b");
        assertEquals(0, topos("run", "fake", "--out", dir.toString()).code());
        topos("analyze", dir.toString(), "--suite", "mine.tsv").assertUserError("study 'fake' takes no test suites");
    }

    @Test
    void analyzeAndReportNeedARunFolder() throws IOException {
        Path notRun = Files.createDirectories(tmp.resolve("notrun"));
        topos("analyze", notRun.toString()).assertUserError(notRun.toString(), "no config.yaml");
        topos("report", notRun.toString()).assertUserError(notRun.toString(), "no config.yaml");
        topos("analyze", tmp.resolve("missing").toString()).assertUserError("no such run folder");
    }

    @Test
    void unknownBenchmarkListsTheAvailableOnes() {
        topos("bench", "nope").assertUserError("unknown benchmark 'nope'", "available:");
    }

    @Test
    void scalingLimitsAreForScalingBenchmarksOnly() {
        Result help = topos("bench", "--help");
        assertTrue(help.out().contains("--max-n") && help.out().contains("--max-gib"), help.out());
        topos("bench", "tem-t", "--max-n", "4096").assertUserError("'tem-t'", "fixed size");
        topos("bench", "columnformer", "--max-gib", "-1").assertUserError("--max-gib");
    }

    @Test
    void debugPrintsTheStackTrace() {
        Result r = topos("--debug", "bench", "nope");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("\tat "), r.err());
        Result after = topos("bench", "nope", "--debug");
        assertTrue(after.err().contains("\tat "), "--debug is also accepted after the subcommand");
    }

    @Test
    void badDeviceIsAUsageError() {
        Result r = topos("--device", "tpu", "info");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("--device"), r.err());
    }

    @Test
    void gpuWithoutAGpuIsAClearError() {
        try {
            topos("info", "--device", "gpu").assertUserError("device cuda was requested", "sees no CUDA device", "--device cpu");
        } finally {
            System.clearProperty(ComputeDevice.PROPERTY);
        }
    }

    @Test
    void infoMeasuresTheMatmulThroughput() {
        Result r = topos("info");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("Engine       libtorch 2.10"), r.out());
        assertTrue(Pattern.compile("Matmul fp32  \\d+\\.\\d GFLOP/s").matcher(r.out()).find(), r.out());
        assertTrue(Pattern.compile("Matmul bf16  \\d+\\.\\d GFLOP/s").matcher(r.out()).find(), r.out());
        assertTrue(Pattern.compile("(?m)^Experiments  .*\\bfake\\b").matcher(r.out()).find(), r.out());
        assertTrue(Pattern.compile("(?m)^Studies      .*\\bfake\\b").matcher(r.out()).find(), r.out());
        assertFalse(r.out().contains("NaN"), r.out());
    }

    @Test
    void runNameMustBeAFolderName() throws IOException {
        Path yaml = Files.writeString(tmp.resolve("x.yaml"), "study: fake\nname: ../evil\n");
        topos("run", yaml.toString()).assertUserError("name = '../evil'", "letters, digits");
    }
}
