package dev.topos.data.text;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.GZIPOutputStream;

/**
 * Writes small R lazy-load databases ({@code Rdata.rdx} + {@code Rdata.rdb}) the way R's
 * {@code makeLazyLoadDB(compress = TRUE)} does, written here from the format description (R
 * Internals, "Serialization Formats"), independent of the reader: a gzip'd XDR serialization of
 * the index list (its {@code names} symbol met a second time as a reference), and each object a
 * 4-byte big-endian length and a zlib stream of its own serialization.
 */
final class RDataFixture {
    /** The levels bit of a Latin-1 string. */
    static final int LATIN1 = 4;
    private static final int UTF8 = 8;
    private static final int ASCII = 64;

    private RDataFixture() {}

    /** An object's serialized form: a header and one item. */
    interface Item {
        void write(DataOutputStream out) throws IOException;
    }

    /** A character vector; a null element is NA, a {@link Latin1} element is marked Latin-1. */
    static Item strings(List<?> elements) {
        return out -> {
            out.writeInt(16);
            out.writeInt(elements.size());
            for (Object e : elements) {
                writeChars(out, e);
            }
        };
    }

    /** A string element written in Latin-1 with the Latin-1 level bit. */
    record Latin1(String text) {}

    static Item integers(int... values) {
        return out -> {
            out.writeInt(13);
            out.writeInt(values.length);
            for (int v : values) {
                out.writeInt(v);
            }
        };
    }

    private static void writeChars(DataOutputStream out, Object e) throws IOException {
        if (e == null) {
            out.writeInt(9);
            out.writeInt(-1);
            return;
        }
        boolean latin1 = e instanceof Latin1;
        String s = latin1 ? ((Latin1) e).text() : (String) e;
        byte[] bytes = s.getBytes(latin1 ? StandardCharsets.ISO_8859_1 : StandardCharsets.UTF_8);
        boolean ascii = s.chars().allMatch(c -> c < 128);
        out.writeInt(9 | ((latin1 ? LATIN1 : ascii ? ASCII : UTF8) << 12));
        out.writeInt(bytes.length);
        out.write(bytes);
    }

    /** The serialization of one item: "X\n", format 3, R 4.2.1, readable from 3.5.0, native UTF-8. */
    static byte[] serialize(Item item) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        out.write(new byte[] {'X', '\n'});
        out.writeInt(3);
        out.writeInt(0x040201);
        out.writeInt(0x030500);
        out.writeInt(5);
        out.write("UTF-8".getBytes(StandardCharsets.US_ASCII));
        item.write(out);
        return bytes.toByteArray();
    }

    /** Writes the database of {@code objects} (name → item) into {@code dir}. */
    static void write(Path dir, Map<String, Item> objects) throws IOException {
        ByteArrayOutputStream rdb = new ByteArrayOutputStream();
        Map<String, int[]> offsets = new LinkedHashMap<>();
        for (Map.Entry<String, Item> e : objects.entrySet()) {
            byte[] raw = serialize(e.getValue());
            ByteArrayOutputStream z = new ByteArrayOutputStream();
            try (OutputStream d = new DeflaterOutputStream(z)) {
                d.write(raw);
            }
            int start = rdb.size();
            new DataOutputStream(rdb).writeInt(raw.length);
            rdb.write(z.toByteArray());
            offsets.put(e.getKey(), new int[] {start, rdb.size() - start});
        }
        Files.write(dir.resolve("Rdata.rdb"), rdb.toByteArray());
        byte[] index = serialize(out -> writeIndex(out, offsets));
        try (OutputStream gz = new GZIPOutputStream(Files.newOutputStream(dir.resolve("Rdata.rdx")))) {
            gz.write(index);
        }
    }

    private static void writeIndex(DataOutputStream out, Map<String, int[]> offsets) throws IOException {
        int list = 19 | (1 << 9);
        out.writeInt(list); // list(variables = ..., references = ..., compressed = TRUE)
        out.writeInt(3);
        out.writeInt(list); // variables: a named list of (offset, length)
        out.writeInt(offsets.size());
        for (int[] o : offsets.values()) {
            integers(o).write(out);
        }
        names(out, new ArrayList<>(offsets.keySet()), true);
        out.writeInt(list); // references: an empty named list
        out.writeInt(0);
        names(out, List.of(), false);
        out.writeInt(10); // compressed: TRUE
        out.writeInt(1);
        out.writeInt(1);
        names(out, List.of("variables", "references", "compressed"), false);
    }

    /** An attribute pairlist holding only names; the symbol is written the first time, then referenced. */
    private static void names(DataOutputStream out, List<String> names, boolean firstTime) throws IOException {
        out.writeInt(2 | (1 << 10)); // LISTSXP with a tag
        if (firstTime) {
            out.writeInt(1); // SYMSXP, then its CHARSXP
            writeChars(out, "names");
        } else {
            out.writeInt(255 | (1 << 8)); // REFSXP to reference 1
        }
        strings(names).write(out);
        out.writeInt(254); // end of the pairlist
    }
}
