package dev.topos.data.text;

import dev.topos.data.fetch.DataStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The real English texts a {@link PretrainingCorpus} is built from, each read from its cached data
 * set and cleaned the way it needs, one {@link TextSource} per data set:
 * <ul>
 *   <li>{@code imdb}: the training reviews of a fine-tuning {@link ReviewSplit}, one document per
 *       review, markup already stripped by {@link ImdbReviews} ({@link HtmlText#clean}). The split's
 *       validation and test reviews are left out and returned as held-out texts, which
 *       {@link PretrainingCorpus#build} drops wherever they occur.</li>
 *   <li>{@code brown}: one document per Brown text (500, about 2,000 words each), its tagged
 *       {@code word/tag} tokens turned back into words ({@link #brownText}).</li>
 *   <li>{@code sotu}: one document per State of the Union address ({@link SotuSpeeches}).</li>
 *   <li>{@code moby-dick}: one document per chapter file {@code chapter_N.txt}, in chapter order.</li>
 *   <li>{@code jane-austen}: one document per chapter of the six novels ({@link JaneAustenNovels}).</li>
 * </ul>
 * And a user's own corpus: {@link #folder} reads a folder of {@code .txt} files, one document each.
 */
public final class PretrainingTexts {
    public static final String IMDB = "imdb";
    public static final String BROWN = "brown";
    public static final String SOTU = "sotu";
    public static final String MOBY_DICK = "moby-dick";
    public static final String JANE_AUSTEN = "jane-austen";
    /** The data sets of the standard corpus, in the order their texts are taken (the first copy of a
     *  duplicated text is the one kept). */
    public static final List<String> DATA_SETS = List.of(IMDB, BROWN, SOTU, MOBY_DICK, JANE_AUSTEN);

    private static final Pattern BROWN_FILE = Pattern.compile("c[a-r]\\d\\d");
    private static final Pattern MOBY_CHAPTER = Pattern.compile("chapter_(\\d+)\\.txt");
    private static final String BOM = "\uFEFF";

    private PretrainingTexts() {}

    /**
     * Texts and what must stay out of them.
     *
     * @param sources the text sources, in order
     * @param heldOut texts no sequence may contain (the fine-tuning validation and test reviews)
     */
    public record Texts(List<TextSource> sources, List<String> heldOut) {
        public Texts {
            sources = List.copyOf(sources);
            heldOut = List.copyOf(heldOut);
        }
    }

    /**
     * The standard corpus: {@link #DATA_SETS} from the store (fetched on first use), the IMDB
     * reviews split exactly as the fine-tuning study splits them.
     *
     * @param imdbSplit the fine-tuning study's split fractions (the 1-layer Topoformer study's are
     *                  train 0.7, validation 0.1, test 0.2)
     * @param imdbSeed  the fine-tuning study's seed, which {@link ReviewSplit#of} shuffles with (the
     *                  Topoformer studies': 42)
     */
    public static Texts standard(DataStore store, SplitFractions imdbSplit, long imdbSeed) throws IOException {
        ReviewSplit split = imdbSplit(store, imdbSplit, imdbSeed);
        List<TextSource> sources = List.of(
                imdbTraining(split, imdbSplit, imdbSeed),
                brown(store.require(BROWN)),
                sotu(store.require(SOTU)),
                mobyDick(store.require(MOBY_DICK)),
                janeAusten(store.require(JANE_AUSTEN)));
        return new Texts(sources, imdbHeldOut(split));
    }

    /**
     * The IMDB reviews from the store split as the fine-tuning study splits them: one home for the
     * split that keeps fine-tuning's validation and test reviews out of pretraining.
     */
    public static ReviewSplit imdbSplit(DataStore store, SplitFractions fractions, long seed) throws IOException {
        return ReviewSplit.of(ImdbReviews.load(store.require(IMDB)), fractions, seed);
    }

    /** The training reviews of {@code split}, one document each, in the split's (shuffled) order. */
    public static TextSource imdbTraining(ReviewSplit split, SplitFractions fractions, long seed) {
        String how = String.format(Locale.ROOT, "IMDB reviews (Maas et al. 2011): the %,d training reviews of the "
                        + "fine-tuning split (train %s, validation %s, test %s of the deduplicated reviews, seed %d); "
                        + "its %,d validation and %,d test reviews left out", split.train().size(), fractions.train(),
                fractions.validation(), fractions.test(), seed, split.validation().size(), split.test().size());
        return new TextSource(IMDB, how, split.train().stream().map(Review::text).toList());
    }

    /** The texts of {@code split}'s validation and test reviews: never pretraining text. */
    public static List<String> imdbHeldOut(ReviewSplit split) {
        return Stream.concat(split.validation().stream(), split.test().stream()).map(Review::text).toList();
    }

    /** The Brown texts ({@code ca01} … {@code cr09}), one document each, in name order. */
    public static TextSource brown(Path folder) throws IOException {
        List<Path> files = DataFiles.files(folder, n -> BROWN_FILE.matcher(n).matches());
        if (files.isEmpty()) {
            throw new MalformedDataException(folder, "", "no Brown corpus files found; expected files named ca01 … cr09");
        }
        List<String> docs = new ArrayList<>(files.size());
        for (Path f : files) {
            docs.add(brownText(BrownCorpus.readFile(f)));
        }
        return new TextSource(BROWN, "Brown corpus (Francis & Kučera 1964/1979): " + files.size()
                + " texts of 15 genres, tags removed", docs);
    }

    /**
     * Tagged sentences as plain text: the words joined by spaces, one sentence after another, and the
     * corpus's quote tokens {@code ``} and {@code ''} written as {@code "} (BERT's tokenizer would
     * read {@code ``} as two backquotes). Spacing around punctuation does not matter: BERT's basic
     * tokenizer splits punctuation off anyway.
     */
    public static String brownText(List<List<TaggedWord>> sentences) {
        return sentences.stream()
                .map(s -> s.stream().map(w -> brownWord(w.word())).collect(Collectors.joining(" ")))
                .collect(Collectors.joining(" "));
    }

    private static String brownWord(String word) {
        return word.equals("``") || word.equals("''") ? "\"" : word;
    }

    /** The State of the Union addresses, one document each, oldest first. */
    public static TextSource sotu(Path folder) throws IOException {
        List<Speech> speeches = SotuSpeeches.load(folder);
        return new TextSource(SOTU, "State of the Union addresses: " + speeches.size() + " speeches, "
                + speeches.get(0).name().substring(0, 4) + "–" + speeches.get(speeches.size() - 1).name().substring(0, 4),
                speeches.stream().map(Speech::text).toList());
    }

    /** Moby Dick's chapter files {@code chapter_N.txt}, one document each, in chapter order. */
    public static TextSource mobyDick(Path folder) throws IOException {
        List<Path> files = new ArrayList<>(DataFiles.files(folder, n -> MOBY_CHAPTER.matcher(n).matches()));
        if (files.isEmpty()) {
            throw new MalformedDataException(folder, "", "no Moby Dick chapters found; expected chapter_1.txt … "
                    + "chapter_135.txt");
        }
        files.sort(Comparator.comparingInt(PretrainingTexts::chapterNumber));
        List<String> docs = new ArrayList<>(files.size());
        for (Path f : files) {
            docs.add(DataFiles.read(f).strip());
        }
        return new TextSource(MOBY_DICK, "Moby Dick (Melville 1851): " + files.size() + " chapters", docs);
    }

    private static int chapterNumber(Path file) {
        Matcher m = MOBY_CHAPTER.matcher(file.getFileName().toString());
        return m.matches() ? Integer.parseInt(m.group(1)) : Integer.MAX_VALUE;
    }

    /** Jane Austen's six novels, one document per chapter. */
    public static TextSource janeAusten(Path folder) throws IOException {
        List<String> docs = new ArrayList<>();
        List<JaneAustenNovels.Novel> novels = JaneAustenNovels.load(folder);
        for (JaneAustenNovels.Novel n : novels) {
            docs.addAll(n.chapters());
        }
        return new TextSource(JANE_AUSTEN, "Jane Austen's " + novels.size() + " completed novels (janeaustenr): "
                + docs.size() + " chapters", docs);
    }

    /**
     * A user's own corpus: every {@code .txt} file under {@code folder} (subfolders included), one
     * document each, in path order; UTF-8, a leading byte-order mark dropped. The source is named
     * after the folder.
     *
     * @throws MalformedDataException naming the folder when it is not a folder or holds no
     *     {@code .txt} file, or naming the file that is not valid UTF-8
     */
    public static TextSource folder(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            throw new MalformedDataException(folder, "", "not a folder; a corpus is a folder of .txt files, one "
                    + "document each (UTF-8)");
        }
        List<Path> files;
        try (Stream<Path> walk = Files.walk(folder)) {
            files = walk.filter(f -> f.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".txt")
                    && Files.isRegularFile(f)).sorted().toList();
        }
        if (files.isEmpty()) {
            throw new MalformedDataException(folder, "", "no .txt files; a corpus is a folder of .txt files, one "
                    + "document each (UTF-8)");
        }
        List<String> docs = new ArrayList<>(files.size());
        for (Path f : files) {
            String text = DataFiles.read(f);
            docs.add(text.startsWith(BOM) ? text.substring(BOM.length()) : text);
        }
        Path name = folder.toAbsolutePath().normalize().getFileName();
        return new TextSource(name == null ? "corpus" : name.toString(), "own corpus: " + files.size()
                + " .txt files under " + folder.toAbsolutePath().normalize(), docs);
    }
}
