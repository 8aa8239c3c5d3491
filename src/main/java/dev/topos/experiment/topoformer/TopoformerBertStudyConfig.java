package dev.topos.experiment.topoformer;

import static dev.topos.config.Configs.at;

import dev.topos.config.Check;
import dev.topos.config.Validated;
import dev.topos.data.text.SplitFractions;
import dev.topos.experiment.StudyConfig;
import dev.topos.model.TopoformerBertConfig;
import dev.topos.train.TrainConfig;
import java.util.List;

/**
 * The config of a Topoformer-BERT study: masked-language pretraining of {@link dev.topos.model.TopoformerBert}
 * on real English, then its evaluation and the topography of every layer. Defaults follow the
 * reference's crammed-BERT recipe (Binhuraib, Tuckute &amp; Blauch 2024, config {@code bert-c5_topo};
 * Geiping &amp; Goldstein 2023): sequences of 128, MLM at 15% with 80/10/10, AdamW (0.9, 0.98),
 * weight decay 0.01, gradient clip 0.5, a triangular learning-rate schedule (linear rise, linear
 * fall), sq = sr = 0.3 circular fields; the size is one that trains within an hour on a 2-core CPU.
 *
 * @param maskRate the share of non-special positions the MLM loss is taken on (BERT: 0.15)
 */
public record TopoformerBertStudyConfig(String study, String name, long seed, Data data, TopoformerBertConfig model,
                                        int batch, double maskRate, TrainConfig train, FineTune finetune,
                                        Analysis analysis)
        implements StudyConfig {
    /** The fine-tuning tasks: IMDB reviews (the split held out of pretraining) and the UCI sentences. */
    public static final List<String> TASKS = List.of("imdb", "uci");

    /**
     * Fine-tuning the pretrained model to classify sentiment, after pretraining, with BERT's
     * classification head ({@link dev.topos.model.BertClassifier}); the reference's GLUE recipe
     * (cramming's {@code GLUE_sane}: AdamW lr 4e-5, batch 16, a few epochs, warm-up then cosine).
     *
     * @param tasks    of {@link #TASKS}, in order; empty for none
     * @param lr       peak learning rate
     * @param batch    sequences per update
     * @param epochs   passes over the training split
     * @param warmup   fraction of the updates the rate rises over before its cosine fall
     * @param maxTrain training examples used (the first of the shuffled split); 0 for all
     * @param uciSplit train / validation / test fractions of the UCI sentences
     */
    public record FineTune(List<String> tasks, double lr, int batch, int epochs, double warmup, int maxTrain,
                           SplitFractions uciSplit) implements Validated {
        @Override
        public void validate(String p) {
            Check.require(tasks != null, at(p, "tasks") + " must be a list of " + TASKS + " (or [])");
            tasks.forEach(t -> Check.oneOf(at(p, "tasks"), t, TASKS));
            Check.range(at(p, "lr"), lr, 1e-8, 1);
            Check.range(at(p, "batch"), batch, 1, 1 << 16);
            Check.range(at(p, "epochs"), epochs, 1, 1000);
            Check.range(at(p, "warmup"), warmup, 0, 0.99);
            Check.range(at(p, "max_train"), maxTrain, 0, 1e9);
            uciSplit.validate(at(p, "uci_split"));
        }
    }
    /** The value of {@code data.corpus} that selects the bundled corpus of real English. */
    public static final String STANDARD = "standard";
    /**
     * The value of {@code analysis.minimal_pairs} that builds agreement pairs from the IMDB reviews
     * held out of pretraining ({@link dev.topos.data.suites.AgreementPairs}).
     */
    public static final String AGREEMENT = "imdb-agreement";
    /** Pairs kept per built paradigm when {@code analysis.minimal_pairs_max} is 0 (all). */
    public static final int BUILT_PAIRS = 200;
    /** The value of {@code data.vocabulary} that selects bert-base-uncased's vocabulary (data set {@code bert-vocab}). */
    public static final String BERT_VOCAB = "bert-vocab";

    /**
     * @param corpus             {@value #STANDARD} (IMDB training reviews, Brown, State of the Union,
     *                           Moby Dick, Jane Austen; see {@code topos data list}) or a folder of
     *                           {@code .txt} files, one document each
     * @param vocabulary         {@value #BERT_VOCAB}, or a {@code vocab.txt} / {@code tokenizer.json}
     *                           (or a folder holding one)
     * @param validationFraction share of each source's documents held out for the validation loss
     * @param imdbSplit          the split of IMDB reviews whose validation and test reviews never enter
     *                           the corpus (the fine-tuning split; the 1-layer Topoformer's)
     * @param imdbSeed           the seed that split shuffles with (the 1-layer Topoformer's: 42)
     */
    public record Data(String corpus, String vocabulary, double validationFraction, SplitFractions imdbSplit,
                       long imdbSeed) implements Validated {
        @Override
        public void validate(String p) {
            Check.require(corpus != null && !corpus.isBlank(), at(p, "corpus") + " must be '" + STANDARD
                    + "' or a folder of .txt files");
            Check.require(vocabulary != null && !vocabulary.isBlank(), at(p, "vocabulary") + " must be '"
                    + BERT_VOCAB + "' or a vocab.txt / tokenizer.json file");
            Check.range(at(p, "validation_fraction"), validationFraction, 0.001, 0.5);
            imdbSplit.validate(at(p, "imdb_split"));
        }
    }

    /**
     * @param suites                test suites probed at every layer: bundled names or suite files
     * @param maxItems              items per condition used from each suite (the first ones)
     * @param fdrQ                  Benjamini–Hochberg false discovery rate
     * @param smoothingFwhm         FWHM in units of the smoothing before the smoothed Moran's I
     * @param evalBatch             sequences per forward pass in evaluation and analysis
     * @param validationSequences   validation sequences the MLM metrics use, during training and after
     *                              (the first of the held-out slice); 0 for all
     * @param pcaExamples           validation sequences whose token-averaged keys the PCA takes
     * @param pcaComponents         principal components drawn per layer
     * @param compareWith           other run folders (the controls) whose numbers the report tables beside
     *                              this run's; relative to this run's parent folder
     * @param minimalPairs          minimal pairs scored after training: {@value #AGREEMENT} (agreement
     *                              pairs built from held-out IMDB reviews), a folder in BLiMP's format
     *                              ({@code topos analyze --minimal-pairs} gives one too), or "" for none
     * @param minimalPairsMax       pairs scored per file or paradigm (the first ones); 0 for all (a
     *                              built paradigm: 200)
     */
    public record Analysis(List<String> suites, int maxItems, double fdrQ, double smoothingFwhm, int evalBatch,
                           int validationSequences, int pcaExamples, int pcaComponents, List<String> compareWith,
                           String minimalPairs, int minimalPairsMax)
            implements Validated {
        @Override
        public void validate(String p) {
            Check.require(suites != null && !suites.isEmpty(), at(p, "suites") + " must name at least one suite");
            Check.range(at(p, "max_items"), maxItems, 2, 1e6);
            Check.range(at(p, "fdr_q"), fdrQ, 1e-6, 1);
            Check.range(at(p, "smoothing_fwhm"), smoothingFwhm, 1e-3, 1e3);
            Check.range(at(p, "eval_batch"), evalBatch, 1, 4096);
            Check.range(at(p, "validation_sequences"), validationSequences, 0, 1e9);
            Check.range(at(p, "pca_examples"), pcaExamples, 2, 1e6);
            Check.range(at(p, "pca_components"), pcaComponents, 1, 100);
            Check.require(compareWith != null && compareWith.stream().noneMatch(c -> c == null || c.isBlank()),
                    at(p, "compare_with") + " is a list of run folders, e.g. [topoformer-bert-dense]");
            Check.require(minimalPairs != null, at(p, "minimal_pairs") + " must be a folder of .jsonl files or \"\"");
            Check.range(at(p, "minimal_pairs_max"), minimalPairsMax, 0, 1e9);
        }
    }

    /**
     * 4 layers on a 16 x 16 sheet (N = 256, F = 1024), 2,800 updates of batch 32 sequences of 128, lr
     * 1e-3 with the triangular schedule (cramming's triangle2: from lr / 4 up to lr at 75% of the updates,
     * down to 0), bfloat16 where the CPU has it. The position scale is cramming's learned one, as for
     * every run made before the setting existed; the bundled experiments fix it (model.positions).
     */
    public static TopoformerBertStudyConfig defaults() {
        TrainConfig train = new TrainConfig(2800, 1e-3, 1, 1_000_000_000, 0.9, 0.98, 0.01, 0.5, 10, 100, 2,
                "triangular", 0.75, 0, TrainConfig.NO_DECAY, "auto", TrainConfig.DEVICE, 200);
        return new TopoformerBertStudyConfig("topoformer-bert", "topoformer-bert", 42,
                new Data(STANDARD, BERT_VOCAB, 0.01, new SplitFractions(0.7, 0.1, 0.2), 42),
                TopoformerBertConfig.topographic(4, 16, 1024, TopoformerBertConfig.BERT_VOCABULARY), 32, 0.15,
                train, new FineTune(TASKS, 4e-5, 32, 1, 0.1, 0, new SplitFractions(0.7, 0.1, 0.2)), new Analysis(TopoformerStudyConfig.EIGHT_SUITES, 200, 0.05, 2, 64, 512, 500, 10, List.of(), AGREEMENT, BUILT_PAIRS));
    }

    @Override
    public void validate(String p) {
        Check.oneOf(at(p, "study"), study, List.of("topoformer-bert"));
        Check.name(at(p, "name"), name);
        data.validate(at(p, "data"));
        model.validate(at(p, "model"));
        Check.range(at(p, "batch"), batch, 1, 1 << 16);
        Check.range(at(p, "mask_rate"), maskRate, 0.01, 0.99);
        train.validate(at(p, "train"));
        finetune.validate(at(p, "finetune"));
        analysis.validate(at(p, "analysis"));
    }
}
