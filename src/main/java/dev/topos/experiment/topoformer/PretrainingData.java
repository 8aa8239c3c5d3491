package dev.topos.experiment.topoformer;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.topos.data.fetch.DataStore;
import dev.topos.data.text.BertVocabulary;
import dev.topos.data.text.BertWordPiece;
import dev.topos.data.text.MlmMasking;
import dev.topos.data.text.PretrainingCorpus;
import dev.topos.data.text.PretrainingTexts;
import dev.topos.util.AtomicFiles;
import dev.topos.util.Rng;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;

/**
 * The data of a Topoformer-BERT run: its WordPiece tokenizer, the pretraining corpus built from
 * {@code data.corpus}, and the masked validation sequences every MLM score uses. The vocabulary is
 * copied into the run folder as {@value #VOCABULARY_FILE} the first time and read back from there
 * afterwards (resume, analysis), so the ids never change under a trained model; the corpus's
 * record (which texts, how many documents and tokens, what was held out) is written as
 * {@value #CORPUS_FILE}.
 *
 * @param tokenizer  BERT WordPiece over the run's vocabulary
 * @param corpus     the packed training and validation sequences
 * @param validation the first {@code analysis.validation_sequences} validation sequences, masked once
 *                   with a generator derived from the seed
 * @param masking    the MLM corruption training uses
 */
record PretrainingData(BertWordPiece tokenizer, PretrainingCorpus corpus, MlmMasking.Masked validation,
                       MlmMasking masking) {
    static final String VOCABULARY_FILE = "vocab.txt";
    static final String CORPUS_FILE = "corpus.json";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    static PretrainingData prepare(TopoformerBertStudyConfig cfg, Path runDir, Consumer<String> log)
            throws IOException {
        BertVocabulary vocabulary = vocabulary(cfg, runDir, log);
        if (vocabulary.size() != cfg.model().vocabulary()) {
            throw new IllegalArgumentException("model.vocabulary = " + cfg.model().vocabulary() + " but the vocabulary "
                    + "of data.vocabulary = '" + cfg.data().vocabulary() + "' has " + vocabulary.size()
                    + " pieces; set model.vocabulary to " + vocabulary.size());
        }
        BertWordPiece tokenizer = new BertWordPiece(vocabulary);
        PretrainingTexts.Texts texts = texts(cfg, log);
        long start = System.nanoTime();
        PretrainingCorpus corpus = PretrainingCorpus.build(texts.sources(), texts.heldOut(), tokenizer,
                new PretrainingCorpus.Options(cfg.model().length(), cfg.data().validationFraction(), cfg.seed()));
        log.accept(corpus.describe());
        log.accept(String.format("corpus built in %.0f s", (System.nanoTime() - start) / 1e9));
        AtomicFiles.writeString(runDir.resolve(CORPUS_FILE), JSON.writeValueAsString(corpus.summary()) + "\n");
        MlmMasking masking = new MlmMasking(cfg.maskRate(), vocabulary.size(), vocabulary.maskId(), vocabulary.clsId(),
                vocabulary.sepId(), vocabulary.padId(), vocabulary.unkId());
        int[][] held = corpus.validation();
        int n = cfg.analysis().validationSequences() == 0 ? held.length
                : Math.min(held.length, cfg.analysis().validationSequences());
        if (n == 0) {
            throw new IllegalArgumentException("data.corpus = '" + cfg.data().corpus() + "' gives no validation "
                    + "sequence of " + cfg.model().length() + " tokens; give a larger corpus or a larger "
                    + "data.validation_fraction");
        }
        MlmMasking.Masked validation = masking.apply(Arrays.copyOf(held, n),
                Rng.derive(cfg.seed(), MlmTask.VALIDATION_MASKING));
        return new PretrainingData(tokenizer, corpus, validation, masking);
    }

    private static BertVocabulary vocabulary(TopoformerBertStudyConfig cfg, Path runDir, Consumer<String> log)
            throws IOException {
        Path kept = runDir.resolve(VOCABULARY_FILE);
        if (Files.exists(kept)) {
            return BertVocabulary.readVocabTxt(kept);
        }
        String name = cfg.data().vocabulary();
        BertVocabulary vocabulary = BertVocabulary.load(name.equals(TopoformerBertStudyConfig.BERT_VOCAB)
                ? DataStore.standard(log).require(name) : Path.of(name));
        AtomicFiles.writeString(kept, String.join("\n", vocabulary.pieces()) + "\n");
        return vocabulary;
    }

    private static PretrainingTexts.Texts texts(TopoformerBertStudyConfig cfg, Consumer<String> log)
            throws IOException {
        String corpus = cfg.data().corpus();
        if (corpus.equals(TopoformerBertStudyConfig.STANDARD)) {
            return PretrainingTexts.standard(DataStore.standard(log), cfg.data().imdbSplit(), cfg.data().imdbSeed());
        }
        return new PretrainingTexts.Texts(List.of(PretrainingTexts.folder(Path.of(corpus))), List.of());
    }
}
