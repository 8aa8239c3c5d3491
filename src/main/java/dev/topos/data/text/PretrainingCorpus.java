package dev.topos.data.text;

import dev.topos.util.Rng;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

/**
 * A masked-language-model pretraining corpus: named {@link TextSource}s deduplicated, tokenised with
 * BERT's WordPiece and packed into sequences of exactly {@link Options#length} ids (128 by default),
 * each {@code [CLS]}, {@code length - 2} pieces, {@code [SEP]}, with a held-out validation slice of
 * whole documents.
 *
 * <p><b>Steps.</b> Per source, in source order:
 * <ol>
 *   <li>Blank documents are dropped (counted as {@code empty}).</li>
 *   <li>Deduplication, exact, at document level: two documents are the same when they agree after
 *       collapsing whitespace runs to one space, trimming and lower-casing ({@link #key}). The first
 *       copy met is kept, sources in the order given, so a later copy is counted as a duplicate of
 *       the source it was found in. Not below document level: these sources are edited texts, not
 *       web pages with boilerplate, and a sentence or paragraph that recurs in them ("Thank you.",
 *       a speech's closing formula, a chapter heading) is language the model should see as often as
 *       it occurs; cutting repeats inside a document would also tear its running text. Measured on
 *       the standard corpus, the sentences of 60 or more characters that recur add up to 430 extra
 *       copies, 54k characters, under 0.1% of the text.</li>
 *   <li>Held-out texts (e.g. every review of a fine-tuning validation and test split) are dropped
 *       wherever they occur, compared by the same key, and counted as {@code heldOut}. So are
 *       near-copies: a document that shares a sentence of {@value #OVERLAP_SENTENCE_CHARS} or more
 *       characters (by the same key) with a held-out text is dropped and counted as
 *       {@code heldOutOverlap}. IMDB has reviews posted again with small edits: with the
 *       Topoformer split (train 0.7, validation 0.1, test 0.2, seed 42), 48 of the 14,874 validation
 *       and test reviews share such a sentence with some of 53 training reviews, near-copies that
 *       exact deduplication lets through and this drops.</li>
 *   <li>Validation slice: the {@code round(n · validationFraction)} documents of the source (at least
 *       one when the fraction is positive and the source has two or more) whose keys hash lowest
 *       under the seed ({@link #rank}). A document's side depends only on its text and the seed,
 *       not on its position or on the other sources, and no text is on both sides (duplicates are
 *       gone). Choosing per source gives every source a validation loss of its own.</li>
 *   <li>Packing, as RoBERTa's FULL-SENTENCES (Liu et al. 2019, §4.2) and HuggingFace's
 *       {@code run_mlm} without line-by-line: the source's documents of one side, in source order,
 *       are concatenated with one {@code [SEP]} between consecutive documents and cut into runs of
 *       {@code length - 2} pieces, each wrapped in {@code [CLS]} … {@code [SEP]}. A boundary that
 *       falls at the start of a sequence needs no separator and gets none; one that falls on the last
 *       piece slot gives a sequence ending in {@code [SEP] [SEP]}. The last, partial run of each
 *       source and side is dropped (at most {@code length - 3} pieces, counted as
 *       {@code droppedTokens}). So no sequence holds a {@code [PAD]}: every position is text or a
 *       separator the masked-LM loss can use, where one document per sequence would pad out
 *       about half a sequence per document (IMDB reviews average 290 pieces, 2.3 sequences: 18% padding)
 *       and truncate or split long ones anyway. A sequence may start mid-sentence, as in
 *       FULL-SENTENCES and {@code run_mlm}; masked-LM needs no sentence pairs (RoBERTa drops
 *       next-sentence prediction). Sources are packed separately, so a sequence holds one source
 *       and its source is known.</li>
 * </ol>
 * Sequences are returned in source order and, within a source, in document order; the trainer
 * shuffles them.
 */
public final class PretrainingCorpus {
    public static final int SEQUENCE_LENGTH = 128;
    public static final double VALIDATION_FRACTION = 0.01;
    /** The shortest sentence (in characters of its {@link #key}) whose sharing with a held-out text
     *  drops a document: long enough that two authors do not write it independently. */
    public static final int OVERLAP_SENTENCE_CHARS = 60;
    public static final String PACKING = "full-sentences: a source's documents concatenated with [SEP] between, cut "
            + "into [CLS] + (length - 2) pieces + [SEP]; each source's last partial sequence dropped; no padding";
    private static final Pattern SPACES = Pattern.compile("\\s+", Pattern.UNICODE_CHARACTER_CLASS);
    /** Where a text is cut into sentences for the overlap check: whitespace after . ! or ?. */
    private static final Pattern SENTENCE_END = Pattern.compile("(?<=[.!?])\\s+");

    private final int[][] train;
    private final int[] trainSource;
    private final int[][] validation;
    private final int[] validationSource;
    private final Summary summary;

    private PretrainingCorpus(int[][] train, int[] trainSource, int[][] validation, int[] validationSource,
                              Summary summary) {
        this.train = train;
        this.trainSource = trainSource;
        this.validation = validation;
        this.validationSource = validationSource;
        this.summary = summary;
    }

    /**
     * @param length             ids per sequence, {@code [CLS]} and {@code [SEP]} included; at least 3
     * @param validationFraction share of each source's documents held out for validation, in [0, 0.5]
     * @param seed               chooses the validation documents
     */
    public record Options(int length, double validationFraction, long seed) {
        public Options {
            if (length < 3) {
                throw new IllegalArgumentException("sequence length = " + length + "; allowed: >= 3 ([CLS], a piece, "
                        + "[SEP])");
            }
            if (!(validationFraction >= 0 && validationFraction <= 0.5)) {
                throw new IllegalArgumentException("validation fraction = " + validationFraction
                        + "; allowed: 0 to 0.5");
            }
        }

        /** 128-id sequences, 1% of each source's documents for validation. */
        public static Options defaults(long seed) {
            return new Options(SEQUENCE_LENGTH, VALIDATION_FRACTION, seed);
        }
    }

    /**
     * What went into the corpus from one source, or from all ({@code name} "total").
     *
     * @param documents           documents the source gave
     * @param empty               blank documents dropped
     * @param duplicates          documents dropped as a copy of one kept earlier (this or an earlier source)
     * @param heldOut             documents dropped because they are a held-out text
     * @param heldOutOverlap      documents dropped because they share a long sentence with a held-out text
     * @param trainDocuments      documents on the training side
     * @param validationDocuments documents on the validation side
     * @param trainTokens         WordPiece pieces of the training documents (no specials)
     * @param validationTokens    WordPiece pieces of the validation documents
     * @param unknownTokens       of those, pieces that are {@code [UNK]}
     * @param trainSequences      training sequences
     * @param validationSequences validation sequences
     * @param droppedTokens       pieces left in the last, partial sequence of a side and not used
     */
    public record SourceCounts(String name, String description, int documents, int empty, int duplicates,
                               int heldOut, int heldOutOverlap, int trainDocuments, int validationDocuments,
                               long trainTokens, long validationTokens, long unknownTokens, int trainSequences,
                               int validationSequences, long droppedTokens) {
        /** All pieces of the kept documents, both sides (written to JSON as {@code tokens}). */
        @JsonProperty("tokens")
        public long tokens() {
            return trainTokens + validationTokens;
        }

        static SourceCounts total(List<SourceCounts> all) {
            return new SourceCounts("total", all.size() + " sources",
                    all.stream().mapToInt(SourceCounts::documents).sum(),
                    all.stream().mapToInt(SourceCounts::empty).sum(),
                    all.stream().mapToInt(SourceCounts::duplicates).sum(),
                    all.stream().mapToInt(SourceCounts::heldOut).sum(),
                    all.stream().mapToInt(SourceCounts::heldOutOverlap).sum(),
                    all.stream().mapToInt(SourceCounts::trainDocuments).sum(),
                    all.stream().mapToInt(SourceCounts::validationDocuments).sum(),
                    all.stream().mapToLong(SourceCounts::trainTokens).sum(),
                    all.stream().mapToLong(SourceCounts::validationTokens).sum(),
                    all.stream().mapToLong(SourceCounts::unknownTokens).sum(),
                    all.stream().mapToInt(SourceCounts::trainSequences).sum(),
                    all.stream().mapToInt(SourceCounts::validationSequences).sum(),
                    all.stream().mapToLong(SourceCounts::droppedTokens).sum());
        }

        /** One line for logs. */
        public String describe() {
            return String.format(Locale.ROOT, "%s: %,d documents (%,d duplicates, %,d held out, %,d sharing a sentence "
                            + "with a held-out text, %,d empty dropped), %,d + %,d validation kept; %,d tokens (%,d "
                            + "validation, %,d [UNK]); %,d + %,d validation sequences", name, documents, duplicates,
                    heldOut, heldOutOverlap, empty, trainDocuments,
                    validationDocuments, tokens(), validationTokens, unknownTokens, trainSequences, validationSequences);
        }
    }

    /**
     * The record of a corpus for the run folder; Jackson writes it as JSON as it is.
     *
     * @param sequenceLength     ids per sequence
     * @param validationFraction share of each source's documents held out
     * @param seed               the seed that chose them
     * @param vocabularySize     the WordPiece vocabulary's size
     * @param packing            how documents became sequences
     * @param sources            per source, in order
     * @param total              all sources
     */
    public record Summary(int sequenceLength, double validationFraction, long seed, int vocabularySize, String packing,
                          List<SourceCounts> sources, SourceCounts total) {
        public Summary {
            sources = List.copyOf(sources);
        }

        /**
         * Flat key → number pairs for a run's {@code summary.json}: {@code corpus_tokens},
         * {@code corpus_train_sequences}, {@code corpus_validation_sequences},
         * {@code corpus_documents}, {@code corpus_duplicates}, and {@code corpus_SOURCE_tokens} per
         * source (its name with {@code -} as {@code _}).
         */
        public Map<String, Object> flat() {
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("corpus_tokens", total.tokens());
            out.put("corpus_train_sequences", total.trainSequences());
            out.put("corpus_validation_sequences", total.validationSequences());
            out.put("corpus_documents", total.trainDocuments() + total.validationDocuments());
            out.put("corpus_duplicates", total.duplicates());
            for (SourceCounts s : sources) {
                out.put("corpus_" + s.name().replaceAll("[^A-Za-z0-9]+", "_") + "_tokens", s.tokens());
            }
            return out;
        }
    }

    /**
     * Builds the corpus.
     *
     * @param sources   the texts, in priority order (the first copy of a duplicated text is kept)
     * @param heldOut   texts that must not appear (compared by {@link #key}), e.g. the reviews of a
     *                  fine-tuning validation and test split
     * @param tokenizer BERT WordPiece; its vocabulary gives {@code [CLS]} and {@code [SEP]}
     * @throws IllegalArgumentException if two sources share a name or no source is given
     */
    public static PretrainingCorpus build(List<TextSource> sources, Collection<String> heldOut, BertWordPiece tokenizer,
                                          Options options) {
        if (sources.isEmpty()) {
            throw new IllegalArgumentException("a pretraining corpus needs at least one text source");
        }
        Set<String> names = new HashSet<>();
        for (TextSource s : sources) {
            if (!names.add(s.name())) {
                throw new IllegalArgumentException("text source '" + s.name() + "' is given twice");
            }
        }
        Set<String> excluded = new HashSet<>();
        Set<String> excludedSentences = new HashSet<>();
        for (String t : heldOut) {
            excluded.add(key(t));
            excludedSentences.addAll(longSentences(t));
        }
        Set<String> seen = new HashSet<>();
        List<Selection> selections = new ArrayList<>();
        for (TextSource s : sources) {
            selections.add(select(s, seen, excluded, excludedSentences, options));
        }
        // tokenise every kept document at once, in parallel: by far the slowest step
        List<String> texts = selections.stream().flatMap(sel -> sel.kept().stream()).toList();
        List<int[]> encoded = texts.parallelStream().map(tokenizer::encode).toList();

        BertVocabulary v = tokenizer.vocabulary();
        List<int[]> train = new ArrayList<>();
        List<int[]> validation = new ArrayList<>();
        List<Integer> trainSrc = new ArrayList<>();
        List<Integer> validationSrc = new ArrayList<>();
        List<SourceCounts> counts = new ArrayList<>();
        int next = 0;
        for (int si = 0; si < selections.size(); si++) {
            Selection sel = selections.get(si);
            Packer trainPacker = new Packer(options.length(), v.clsId(), v.sepId());
            Packer validationPacker = new Packer(options.length(), v.clsId(), v.sepId());
            long unknown = 0;
            for (int d = 0; d < sel.kept().size(); d++) {
                int[] ids = encoded.get(next++);
                unknown += Arrays.stream(ids).filter(id -> id == v.unkId()).count();
                (sel.validation()[d] ? validationPacker : trainPacker).add(ids);
            }
            for (int[] seq : trainPacker.sequences()) {
                train.add(seq);
                trainSrc.add(si);
            }
            for (int[] seq : validationPacker.sequences()) {
                validation.add(seq);
                validationSrc.add(si);
            }
            TextSource s = sel.source();
            counts.add(new SourceCounts(s.name(), s.description(), s.documents().size(), sel.empty(), sel.duplicates(),
                    sel.heldOut(), sel.overlap(), trainPacker.documents(), validationPacker.documents(),
                    trainPacker.tokens(),
                    validationPacker.tokens(), unknown, trainPacker.sequences().size(),
                    validationPacker.sequences().size(), trainPacker.dropped() + validationPacker.dropped()));
        }
        Summary summary = new Summary(options.length(), options.validationFraction(), options.seed(), v.size(), PACKING,
                counts, SourceCounts.total(counts));
        return new PretrainingCorpus(train.toArray(int[][]::new), trainSrc.stream().mapToInt(i -> i).toArray(),
                validation.toArray(int[][]::new), validationSrc.stream().mapToInt(i -> i).toArray(), summary);
    }

    /** The documents of a source that survive, in order, and which are on the validation side. */
    private record Selection(TextSource source, List<String> kept, boolean[] validation, int empty, int duplicates,
                             int heldOut, int overlap) {}

    private static Selection select(TextSource s, Set<String> seen, Set<String> excluded,
                                    Set<String> excludedSentences, Options options) {
        List<String> kept = new ArrayList<>();
        List<String> keys = new ArrayList<>();
        int empty = 0;
        int duplicates = 0;
        int heldOut = 0;
        int overlap = 0;
        for (String doc : s.documents()) {
            String k = key(doc);
            if (k.isEmpty()) {
                empty++;
            } else if (excluded.contains(k)) {
                heldOut++;
            } else if (!seen.add(k)) {
                duplicates++;
            } else if (!excludedSentences.isEmpty()
                    && longSentences(doc).stream().anyMatch(excludedSentences::contains)) {
                overlap++;
            } else {
                kept.add(doc);
                keys.add(k);
            }
        }
        return new Selection(s, kept, validationSide(keys, options.validationFraction(), options.seed()), empty,
                duplicates, heldOut, overlap);
    }

    /** The keys of a text's sentences of {@value #OVERLAP_SENTENCE_CHARS} or more characters. */
    static List<String> longSentences(String text) {
        return SENTENCE_END.splitAsStream(text).map(PretrainingCorpus::key)
                .filter(k -> k.length() >= OVERLAP_SENTENCE_CHARS).toList();
    }

    /**
     * Which of {@code keys} (distinct document keys) are on the validation side: the
     * {@link #validationCount} whose {@link #rank} is lowest, ties (a 64-bit hash collision) broken by
     * the key.
     */
    static boolean[] validationSide(List<String> keys, double fraction, long seed) {
        int k = validationCount(keys.size(), fraction);
        long[] ranks = keys.stream().mapToLong(key -> rank(key, seed)).toArray();
        boolean[] out = new boolean[keys.size()];
        IntStream.range(0, keys.size()).boxed()
                .sorted(Comparator.<Integer>comparingLong(i -> ranks[i]).thenComparing(keys::get))
                .limit(k)
                .forEach(i -> out[i] = true);
        return out;
    }

    /** round(n · fraction), at least 1 when the fraction is positive and n >= 2, at most n - 1. */
    static int validationCount(int n, double fraction) {
        if (fraction <= 0 || n < 2) {
            return 0;
        }
        return (int) Math.min(n - 1, Math.max(1, Math.round(n * fraction)));
    }

    /** A 64-bit hash of a document key under a seed: FNV-1a over its UTF-16 units, then the
     *  SplitMix64 derivation of {@link Rng#derive} with the seed as the label. */
    static long rank(String key, long seed) {
        long h = 0xCBF29CE484222325L;
        for (int i = 0; i < key.length(); i++) {
            h ^= key.charAt(i);
            h *= 0x100000001B3L;
        }
        return Rng.derive(h, seed).state();
    }

    /** The identity of a document for deduplication and holding out: whitespace runs collapsed to
     *  one space, ends trimmed, lower case. */
    public static String key(String text) {
        return SPACES.matcher(text).replaceAll(" ").strip().toLowerCase(Locale.ROOT);
    }

    /** Training sequences, each {@code length} ids: {@code [CLS]} … {@code [SEP]}. Shared, do not modify. */
    public int[][] train() {
        return train;
    }

    /** Validation sequences. Shared, do not modify. */
    public int[][] validation() {
        return validation;
    }

    /** For each training sequence, the index of its source in {@link Summary#sources()}. */
    public int[] trainSource() {
        return trainSource.clone();
    }

    /** For each validation sequence, the index of its source. */
    public int[] validationSource() {
        return validationSource.clone();
    }

    public Summary summary() {
        return summary;
    }

    /** Several lines for logs: one per source and the total. */
    public String describe() {
        StringBuilder out = new StringBuilder();
        for (SourceCounts s : summary.sources()) {
            out.append(s.describe()).append('\n');
        }
        return out.append(summary.total().describe()).toString();
    }

    /**
     * Cuts one side of one source into sequences: {@link #add} each document's pieces in order.
     * Holds the sequence being filled; a boundary {@code [SEP]} goes between documents unless the
     * sequence being filled is still empty.
     */
    static final class Packer {
        private final int length;
        private final int cls;
        private final int sep;
        private final int[] buffer;
        private final List<int[]> out = new ArrayList<>();
        private int fill;
        private int piecesInBuffer;
        private boolean any;
        private int documents;
        private long tokens;

        Packer(int length, int cls, int sep) {
            this.length = length;
            this.cls = cls;
            this.sep = sep;
            this.buffer = new int[length];
        }

        /** Appends one document's pieces (an empty document is counted and adds nothing). */
        void add(int[] pieces) {
            documents++;
            tokens += pieces.length;
            if (pieces.length == 0) {
                return;
            }
            if (any && fill > 0) {
                push(sep, false);
            }
            any = true;
            for (int p : pieces) {
                push(p, true);
            }
        }

        private void push(int id, boolean piece) {
            buffer[1 + fill++] = id;
            if (piece) {
                piecesInBuffer++;
            }
            if (fill == length - 2) {
                int[] seq = buffer.clone();
                seq[0] = cls;
                seq[length - 1] = sep;
                out.add(seq);
                fill = 0;
                piecesInBuffer = 0;
            }
        }

        List<int[]> sequences() {
            return out;
        }

        int documents() {
            return documents;
        }

        long tokens() {
            return tokens;
        }

        /** Pieces waiting in the unfinished last sequence: they are not used. */
        long dropped() {
            return piecesInBuffer;
        }
    }
}
