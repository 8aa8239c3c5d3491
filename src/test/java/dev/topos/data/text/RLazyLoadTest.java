package dev.topos.data.text;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RLazyLoadTest {
    @TempDir
    Path dir;

    @Test
    void readsCharacterVectorsByNameWithNaAndLatin1() throws IOException {
        Map<String, RDataFixture.Item> objects = new LinkedHashMap<>();
        objects.put("first", RDataFixture.strings(Arrays.asList("It is a truth", "", null, "na\u00efve caf\u00e9")));
        objects.put("second", RDataFixture.strings(List.of(new RDataFixture.Latin1("ten pounds \u00a3"))));
        RDataFixture.write(dir, objects);
        Map<String, List<String>> read = RLazyLoad.characterVectors(dir);
        assertEquals(List.of("first", "second"), List.copyOf(read.keySet()));
        assertEquals(Arrays.asList("It is a truth", "", null, "na\u00efve caf\u00e9"), read.get("first"));
        assertEquals(List.of("ten pounds \u00a3"), read.get("second"));
    }

    @Test
    void anObjectThatIsNotACharacterVectorIsNamed() throws IOException {
        RDataFixture.write(dir, Map.of("counts", RDataFixture.integers(1, 2, 3)));
        String m = assertThrows(MalformedDataException.class, () -> RLazyLoad.characterVectors(dir)).getMessage();
        assertEquals(dir.resolve("Rdata.rdb") + " object 'counts': is an R object of type 13, not a character vector "
                + "(type 16)", m);
    }

    @Test
    void aMissingDatabaseNamesTheFolder() {
        String m = assertThrows(MalformedDataException.class, () -> RLazyLoad.characterVectors(dir)).getMessage();
        assertTrue(m.startsWith(dir + ": no R lazy-load database; expected Rdata.rdx and Rdata.rdb"), m);
    }

    @Test
    void aTruncatedObjectIsAnErrorNotAShortList() throws IOException {
        RDataFixture.write(dir, Map.of("lines", RDataFixture.strings(List.of("one", "two"))));
        byte[] rdb = Files.readAllBytes(dir.resolve("Rdata.rdb"));
        Files.write(dir.resolve("Rdata.rdb"), Arrays.copyOf(rdb, rdb.length - 6));
        String m = assertThrows(MalformedDataException.class, () -> RLazyLoad.characterVectors(dir)).getMessage();
        assertTrue(m.startsWith(dir.resolve("Rdata.rdb") + " object 'lines': "), m);
    }

    /** compressed = 2 or 3: length, a type byte, then the body; xz is refused by name. */
    @Test
    void storedAndXzObjectsOfTheLaterCompressionLevels() throws IOException {
        byte[] body = {7, 8, 9};
        byte[] stored = {0, 0, 0, 3, '0', 7, 8, 9};
        assertArrayEquals(body, RLazyLoad.decompress(stored, 3, dir, "object 'x'"));
        byte[] xz = {0, 0, 0, 3, 'Z', 1, 2};
        String m = assertThrows(MalformedDataException.class, () -> RLazyLoad.decompress(xz, 3, dir, "object 'x'"))
                .getMessage();
        assertTrue(m.startsWith(dir + " object 'x': xz-compressed"), m);
        assertArrayEquals(body, RLazyLoad.decompress(body, 0, dir, "object 'x'"), "compressed = FALSE");
    }
}
