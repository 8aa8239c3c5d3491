package dev.topos.experiment.topoformer;

import dev.topos.data.TokenizedSet;
import dev.topos.data.fetch.DataStore;
import dev.topos.data.text.LabelledSentence;
import dev.topos.data.text.PretrainingTexts;
import dev.topos.data.text.Review;
import dev.topos.data.text.ReviewSplit;
import dev.topos.data.text.UciSentences;
import dev.topos.model.BertClassifier;
import dev.topos.nn.Engine;
import dev.topos.train.Checkpoints;
import dev.topos.train.TrainConfig;
import dev.topos.train.TrainLoop;
import dev.topos.util.Rng;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.bytedeco.javacpp.PointerScope;

/**
 * Fine-tunes a pretrained Topoformer-BERT to classify sentiment, once per task of
 * {@code finetune.tasks}, and measures its accuracy on the task's held-out test split:
 * <ul>
 *   <li>{@code imdb}: IMDB reviews split as the corpus's held-out reviews were (the pretraining
 *       corpus holds none of this validation or test split), cut to the model's length;</li>
 *   <li>{@code uci}: the 3,000 UCI sentiment sentences (Kotzias et al. 2015), split by
 *       {@code finetune.uci_split} with the seed.</li>
 * </ul>
 * Each fine-tuning is a training run of its own in {@code finetune/<task>-from-step-<s>/} (its
 * metrics, checkpoints and compute record; s the pretraining step it starts from), with
 * {@link BertClassifier}'s head, AdamW (0.9, 0.98), weight decay 0.01, a linear warm-up then a cosine
 * fall to 0; a finished one is reused, a stopped one resumed.
 */
final class FineTuning {
    private FineTuning() {}

    /**
     * One fine-tuned model's accuracies.
     *
     * @param task          the task's name
     * @param testAcc       accuracy on the test split
     * @param valAcc        accuracy on the validation split
     * @param updates       fine-tuning updates
     * @param trainExamples training examples used
     * @param testExamples  test examples
     */
    record Result(String task, double testAcc, double valAcc, long updates, int trainExamples, int testExamples) {}

    static List<Result> run(Path runDir, TopoformerBertStudyConfig cfg, PretrainingData data, Path pretrained,
                            Consumer<String> log) throws IOException {
        List<Result> out = new ArrayList<>();
        List<String> tasks = cfg.finetune().tasks();
        for (int k = 0; k < tasks.size(); k++) {
            String task = tasks.get(k);
            ReviewSplit split = split(task, cfg, log);
            int length = cfg.model().length();
            int maxTrain = cfg.finetune().maxTrain();
            List<Review> trainReviews = maxTrain == 0 ? split.train()
                    : split.train().subList(0, Math.min(maxTrain, split.train().size()));
            TokenizedSet train = encode(trainReviews, data, length);
            TokenizedSet validation = encode(split.validation(), data, length);
            TokenizedSet test = encode(split.test(), data, length);
            BertClassifier model = classifier(cfg, pretrained, Rng.derive(cfg.seed(), 100 + k).nextLong());
            ClassifierTask classify = new ClassifierTask(model, train, validation, cfg.finetune().batch(),
                    cfg.analysis().evalBatch(), cfg.seed());
            long steps = (long) cfg.finetune().epochs() * classify.updatesPerEpoch();
            TrainConfig tc = new TrainConfig(steps, cfg.finetune().lr(), 1, 1_000_000_000, 0.9, 0.98, 0.01, 1.0, 10,
                    100, 1, "cosine", cfg.finetune().warmup(), 0, cfg.train().noDecay(), cfg.train().precision(),
                    cfg.train().device(), 0);
            Path dir = runDir.resolve("finetune").resolve(task + "-from-step-" + Checkpoints.stepOf(pretrained));
            log.accept(String.format("fine-tuning on %s: %,d training examples, %d updates of %d", task, train.size(),
                    steps, cfg.finetune().batch()));
            TrainLoop loop = new TrainLoop(classify, tc, dir, new Rng(cfg.seed()));
            loop.resume();
            loop.run(cfg.name() + " " + task);
            out.add(new Result(task, Activations.accuracy(model, test, cfg.analysis().evalBatch()),
                    Activations.accuracy(model, validation, cfg.analysis().evalBatch()), steps, train.size(),
                    test.size()));
        }
        return out;
    }

    /** The pretrained encoder from {@code checkpoint} with a new head drawn from {@code seed}. */
    private static BertClassifier classifier(TopoformerBertStudyConfig cfg, Path checkpoint, long seed)
            throws IOException {
        var bert = TopoformerBertStudy.model(cfg);
        try (PointerScope ignored = new PointerScope()) {
            Checkpoints.loadParameters(Checkpoints.load(checkpoint), bert.parameters(), checkpoint.toString());
        }
        Engine.seed(seed);
        return new BertClassifier(bert, 2);
    }

    private static ReviewSplit split(String task, TopoformerBertStudyConfig cfg, Consumer<String> log)
            throws IOException {
        DataStore store = DataStore.standard(log);
        if (task.equals("imdb")) {
            return PretrainingTexts.imdbSplit(store, cfg.data().imdbSplit(), cfg.data().imdbSeed());
        }
        List<Review> sentences = UciSentences.load(store.require("uci-sentences")).stream()
                .map((LabelledSentence s) -> new Review(s.text(), s.label())).toList();
        return ReviewSplit.of(sentences, cfg.finetune().uciSplit(), cfg.seed());
    }

    private static TokenizedSet encode(List<Review> reviews, PretrainingData data, int length) {
        return BertSites.encode(reviews.stream().map(Review::text).toList(),
                reviews.stream().mapToInt(Review::label).toArray(), data.tokenizer(), length);
    }
}
