package dev.topos.bench;

import dev.topos.config.Precision;
import dev.topos.data.text.MlmMasking;
import dev.topos.experiment.topoformer.MlmTask;
import dev.topos.experiment.topoformer.TopoformerBertStudyConfig;
import dev.topos.model.TopoformerBert;
import dev.topos.model.TopoformerBertConfig;
import dev.topos.nn.Engine;
import dev.topos.train.TrainConfig;
import dev.topos.train.TrainLoop;
import dev.topos.util.Rng;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * {@code topos bench topoformer-bert}: masked-LM training throughput of the bundled Topoformer-BERT
 * (experiments/topoformer-bert.yaml: 4 layers on a 16 x 16 sheet, F = 1024, BERT's 30,522-piece
 * vocabulary) and of its literal and dense controls, at the bundled batch (32 sequences of 128):
 * updates/s, tokens/s and achieved GFLOP/s (matmul FLOPs of forward + backward, taken as 3 x
 * forward, with the head on the 15% of positions the loss is taken on) beside the machine's matmul
 * peak. Token ids are random, so no data set is needed.
 */
public final class TopoformerBertBench implements Benchmark {
    private static final int SEQUENCES = 4 * 128;
    private static final int WARMUP = 2;
    private static final double SECONDS = 40;

    @Override
    public String name() {
        return "topoformer-bert";
    }

    @Override
    public void run(PrintStream out, BenchOptions options) throws Exception {
        options.requireNoLimits(name());
        double peak = UpdateTimer.printPeak(out, options.precision());
        TopoformerBertStudyConfig bundled = TopoformerBertStudyConfig.defaults();
        TopoformerBertConfig topo = bundled.model();
        measure("topoformer", topo, bundled, options.precision(), peak, out);
        measure("literal", topo.literal(), bundled, options.precision(), peak, out);
        measure("dense", topo.dense(), bundled, options.precision(), peak, out);
        out.printf(Locale.ROOT, "peak RSS         %.2f GiB%n", Memory.peakRssGiB());
    }

    private static void measure(String label, TopoformerBertConfig cfg, TopoformerBertStudyConfig study,
                                Precision precision, double peak, PrintStream out) throws Exception {
        TrainConfig train = study.train().withPrecision(precision);
        Path dir = Files.createTempDirectory("topos-bench");
        try {
            Engine.seed(1);
            TopoformerBert model = new TopoformerBert(cfg, new Rng(1));
            int[][] sequences = randomSequences(cfg);
            // bert-base-uncased ids: [MASK] 103; [PAD] 0, [UNK] 100, [CLS] 101, [SEP] 102 never chosen
            MlmMasking masking = new MlmMasking(study.maskRate(), cfg.vocabulary(), 103, 0, 100, 101, 102);
            MlmTask task = new MlmTask(model, sequences, masking.apply(sequences, new Rng(2)), masking, study.batch(),
                    study.analysis().evalBatch(), 1);
            TrainLoop loop = new TrainLoop(task, train, dir, new Rng(1));
            UpdateTimer.Rate rate = UpdateTimer.measure(loop::update, WARMUP, SECONDS);
            out.printf(Locale.ROOT, "%-10s params %,d; batch %d x %d tokens%n", label, model.parameterCount(),
                    study.batch(), cfg.length());
            rate.print(out, "tokens", study.batch() * cfg.length(),
                    3 * model.forwardFlops(study.batch(), cfg.length(), study.maskRate()) / 1e9, peak);
        } finally {
            Bench.deleteTree(dir);
        }
    }

    /** [CLS] random pieces [SEP], as the packed corpus's sequences are (BERT's ids: [CLS] 101, [SEP] 102). */
    private static int[][] randomSequences(TopoformerBertConfig cfg) {
        Rng rng = new Rng(7);
        int[][] out = new int[SEQUENCES][cfg.length()];
        for (int[] s : out) {
            for (int t = 1; t < s.length - 1; t++) {
                s[t] = 999 + rng.nextInt(cfg.vocabulary() - 999);
            }
            s[0] = 101;
            s[s.length - 1] = 102;
        }
        return out;
    }
}
