package dev.topos.data.fetch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class KeepTest {
    @Test
    void aRuleKeepsMatchingFilesOfItsFolderUnderTheirCacheName() {
        Keep brown = new Keep("package/", "{c[a-r][0-9][0-9],cats.txt}", "");
        assertEquals(Optional.of("ca01"), brown.target("package/ca01"));
        assertEquals(Optional.of("cr09"), brown.target("package/cr09"));
        assertEquals(Optional.of("cats.txt"), brown.target("package/cats.txt"));
        assertEquals(Optional.empty(), brown.target("package/cz01"));
        assertEquals(Optional.empty(), brown.target("package/README"));
        assertEquals(Optional.empty(), brown.target("package/sub/ca01"), "* does not cross folders");
        assertEquals(Optional.empty(), brown.target("other/ca01"));
        assertEquals(Optional.empty(), brown.target("package/"));

        Keep moved = new Keep("package/test/fixtures/", "{imdb,amazon,yelp}.json", "sentences/");
        assertEquals(Optional.of("sentences/yelp.json"), moved.target("package/test/fixtures/yelp.json"));
        assertEquals(Optional.empty(), moved.target("package/test/fixtures/corpus.js"));
    }

    @Test
    void doubleStarCrossesFoldersAndSetsTheWalkingDepth() {
        Keep tree = new Keep("aclImdb/", "**", "aclImdb/");
        assertEquals(Optional.of("aclImdb/train/pos/0_9.txt"), tree.target("aclImdb/train/pos/0_9.txt"));
        assertEquals(Integer.MAX_VALUE, tree.depth());
        assertEquals(1, new Keep("", "*.txt", "").depth());
        assertEquals(2, new Keep("", "*/x.txt", "").depth());
    }

    @Test
    void foldersMustBeRelativeAndEndInASlash() {
        assertEquals("Keep from must be empty or a relative folder ending in '/', got 'package'",
                assertThrows(IllegalArgumentException.class, () -> new Keep("package", "*", "")).getMessage());
        assertEquals("Keep into must be empty or a relative folder ending in '/', got '../'",
                assertThrows(IllegalArgumentException.class, () -> new Keep("", "*", "../")).getMessage());
        assertEquals("Keep glob must be a relative pattern, got '/etc/*'",
                assertThrows(IllegalArgumentException.class, () -> new Keep("", "/etc/*", "")).getMessage());
    }
}
