package dev.topos.data.text;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.DataFormatException;
import java.util.zip.GZIPInputStream;
import java.util.zip.Inflater;
import org.apache.commons.compress.compressors.bzip2.BZip2CompressorInputStream;

/**
 * Reads the character vectors of an R lazy-load database: the {@code data/} folder of an installed R
 * package with {@code LazyData: true} ({@value #INDEX_FILE} and {@value #DATA_FILE}), as Debian's
 * {@code r-cran-*} packages ship them. Written for {@link JaneAustenNovels}; it reads only what such
 * a database of text needs and names anything else it meets as unsupported.
 *
 * <p>The format is R's own (R Internals, "Serialization Formats"; {@code makeLazyLoadDB} and
 * {@code lazyLoadDBfetch} in R's sources). The index is a gzip-compressed serialization of a list
 * {@code variables}, {@code references}, {@code compressed}; {@code variables} maps each object's
 * name to an integer pair (byte offset, byte length) in the data file. There each object is
 * compressed by itself: with {@code compressed} TRUE as a 4-byte big-endian length and a zlib
 * stream; with 2 or 3 the length is followed by a type byte ({@code '1'} zlib, {@code '2'} bzip2,
 * {@code '0'} stored, {@code 'Z'} xz, which is not supported). Decompressed, it is a serialization
 * in XDR ({@code "X\n"}, big-endian): a header (format version 2 or 3; version 3 names the native
 * encoding) and one item. An item starts with a 32-bit flag word: the type in its low byte, "has
 * attributes" bit 9, "has tag" bit 10, and the string encoding in the levels (bits 12 on: 4 Latin-1,
 * 8 UTF-8, 64 ASCII). A character vector ({@code STRSXP}, 16) is a length and that many
 * {@code CHARSXP} items (9): a byte count (−1 for {@code NA}) and the bytes.
 */
public final class RLazyLoad {
    public static final String INDEX_FILE = "Rdata.rdx";
    public static final String DATA_FILE = "Rdata.rdb";

    static final int SYMSXP = 1;
    static final int LISTSXP = 2;
    static final int CHARSXP = 9;
    static final int LGLSXP = 10;
    static final int INTSXP = 13;
    static final int REALSXP = 14;
    static final int STRSXP = 16;
    static final int VECSXP = 19;
    static final int EXPRSXP = 20;
    static final int NILVALUE_SXP = 254;
    static final int REFSXP = 255;
    /** Environment and marker items that carry no payload (empty, base, global env; unbound; missing
     *  argument; base namespace). */
    private static final List<Integer> MARKERS = List.of(242, 241, 253, 252, 251, 250);
    private static final int HAS_ATTRIBUTES = 1 << 9;
    private static final int HAS_TAG = 1 << 10;
    private static final int LATIN1 = 4;

    private RLazyLoad() {}

    /**
     * Every character vector of the database, by object name, in index order; an {@code NA} element
     * is null.
     *
     * @throws MalformedDataException naming the file when the index or an object cannot be read, or
     *     when an object is not a character vector
     */
    public static Map<String, List<String>> characterVectors(Path folder) throws IOException {
        Path indexFile = folder.resolve(INDEX_FILE);
        Path dataFile = folder.resolve(DATA_FILE);
        for (Path f : List.of(indexFile, dataFile)) {
            if (!Files.isRegularFile(f)) {
                throw new MalformedDataException(folder, "", "no R lazy-load database; expected " + INDEX_FILE
                        + " and " + DATA_FILE + " (the data/ folder of an installed R package)");
            }
        }
        Index index = readIndex(indexFile);
        Map<String, List<String>> out = new LinkedHashMap<>();
        try (FileChannel data = FileChannel.open(dataFile, StandardOpenOption.READ)) {
            for (Map.Entry<String, long[]> e : index.variables().entrySet()) {
                String where = "object '" + e.getKey() + "'";
                byte[] raw = slice(data, dataFile, where, e.getValue()[0], e.getValue()[1]);
                Node node = unserialize(decompress(raw, index.compressed(), dataFile, where), dataFile, where);
                if (node.type() != STRSXP) {
                    throw new MalformedDataException(dataFile, where, "is an R object of type " + node.type()
                            + ", not a character vector (type " + STRSXP + ")");
                }
                out.put(e.getKey(), node.strings());
            }
        }
        return out;
    }

    /** The index: object name → (offset, length), and how objects are compressed. */
    record Index(Map<String, long[]> variables, int compressed) {}

    static Index readIndex(Path file) throws IOException {
        byte[] bytes;
        try (InputStream in = new GZIPInputStream(Files.newInputStream(file))) {
            bytes = in.readAllBytes();
        } catch (java.util.zip.ZipException e) {
            throw new MalformedDataException(file, "", "not gzip-compressed (an R lazy-load index is)", e);
        }
        Node root = unserialize(bytes, file, "");
        Node variables = root.element("variables");
        Node compressed = root.element("compressed");
        if (variables == null || variables.type() != VECSXP || compressed == null) {
            throw new MalformedDataException(file, "", "expected an R lazy-load index: a list with 'variables' "
                    + "(name -> offset, length) and 'compressed'");
        }
        List<String> names = variables.names();
        Map<String, long[]> out = new LinkedHashMap<>();
        for (int i = 0; i < names.size(); i++) {
            Node pair = variables.items().get(i);
            if (pair.type() != INTSXP || pair.ints().length != 2) {
                throw new MalformedDataException(file, "variable '" + names.get(i) + "'",
                        "expected an integer pair (offset, length)");
            }
            out.put(names.get(i), new long[] {pair.ints()[0], pair.ints()[1]});
        }
        int level = (compressed.type() == LGLSXP || compressed.type() == INTSXP) && compressed.ints().length == 1
                ? compressed.ints()[0] : -1;
        if (level < 0 || level > 3) {
            throw new MalformedDataException(file, "", "'compressed' must be FALSE, TRUE, 2 or 3");
        }
        return new Index(out, level);
    }

    private static byte[] slice(FileChannel data, Path file, String where, long offset, long length) throws IOException {
        if (offset < 0 || length < 0 || length > Integer.MAX_VALUE || offset + length > data.size()) {
            throw new MalformedDataException(file, where, "bytes " + offset + " + " + length + " lie outside the "
                    + data.size() + "-byte file");
        }
        ByteBuffer buf = ByteBuffer.allocate((int) length);
        while (buf.hasRemaining()) {
            if (data.read(buf, offset + buf.position()) < 0) {
                throw new MalformedDataException(file, where, "file ends early");
            }
        }
        return buf.array();
    }

    /** One object's bytes as lazyLoadDBfetch decompresses them. */
    static byte[] decompress(byte[] raw, int compressed, Path file, String where) throws IOException {
        if (compressed == 0) {
            return raw;
        }
        int header = compressed == 1 ? 4 : 5;
        if (raw.length < header) {
            throw new MalformedDataException(file, where, "shorter than its compression header");
        }
        int length = ByteBuffer.wrap(raw, 0, 4).getInt();
        char type = compressed == 1 ? '1' : (char) raw[4];
        byte[] body = Arrays.copyOfRange(raw, header, raw.length);
        byte[] out = switch (type) {
            case '0' -> body;
            case '1' -> inflate(body, length, file, where);
            case '2' -> {
                try (InputStream in = new BZip2CompressorInputStream(new ByteArrayInputStream(body))) {
                    yield in.readAllBytes();
                }
            }
            case 'Z' -> throw new MalformedDataException(file, where, "xz-compressed; only zlib, bzip2 and stored "
                    + "objects are supported (re-save the database with compress = TRUE)");
            default -> throw new MalformedDataException(file, where, "unknown compression type '" + type + "'");
        };
        if (out.length != length) {
            throw new MalformedDataException(file, where, "decompressed to " + out.length + " bytes; its header says "
                    + length);
        }
        return out;
    }

    private static byte[] inflate(byte[] body, int length, Path file, String where) throws IOException {
        Inflater inflater = new Inflater();
        try {
            inflater.setInput(body);
            byte[] out = new byte[Math.max(length, 0)];
            int n = 0;
            while (n < out.length && !inflater.finished()) {
                int k = inflater.inflate(out, n, out.length - n);
                if (k == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
                    break;
                }
                n += k;
            }
            return n == out.length ? out : Arrays.copyOf(out, n);
        } catch (DataFormatException e) {
            throw new MalformedDataException(file, where, "invalid zlib data: " + e.getMessage(), e);
        } finally {
            inflater.end();
        }
    }

    /** The one item of an XDR serialization. */
    static Node unserialize(byte[] bytes, Path file, String where) throws IOException {
        try {
            return new Reader(bytes, file, where).read();
        } catch (EOFException e) {
            throw new MalformedDataException(file, where, "R serialization ends early", e);
        }
    }

    /**
     * A deserialised R object: its type and payload ({@code List<String>} for a character vector,
     * {@code int[]} for an integer or logical one, {@code double[]}, {@code List<Node>} for a list,
     * the name for a symbol or a {@code CHARSXP}, null for {@code NULL}), and its attributes by name.
     */
    record Node(int type, Object data, Map<String, Node> attributes) {
        static final Node NULL = new Node(NILVALUE_SXP, null, Map.of());

        @SuppressWarnings("unchecked")
        List<String> strings() {
            return (List<String>) data;
        }

        int[] ints() {
            return (int[]) data;
        }

        @SuppressWarnings("unchecked")
        List<Node> items() {
            return (List<Node>) data;
        }

        /** The {@code names} attribute, or an empty list. */
        List<String> names() {
            Node n = attributes.get("names");
            return n == null || n.type() != STRSXP ? List.of() : n.strings();
        }

        /** The element named {@code name} of a list, or null. */
        Node element(String name) {
            if (type != VECSXP) {
                return null;
            }
            int i = names().indexOf(name);
            return i < 0 || i >= items().size() ? null : items().get(i);
        }
    }

    private static final class Reader {
        private final DataInputStream in;
        private final Path file;
        private final String where;
        private final List<Node> refs = new ArrayList<>();
        private Charset nativeCharset = StandardCharsets.UTF_8;

        Reader(byte[] bytes, Path file, String where) {
            this.in = new DataInputStream(new ByteArrayInputStream(bytes));
            this.file = file;
            this.where = where;
        }

        Node read() throws IOException {
            int b0 = in.read();
            int b1 = in.read();
            if (b0 != 'X' || b1 != '\n') {
                throw error("not an R serialization in XDR format (it should start with \"X\\n\")");
            }
            int version = in.readInt();
            if (version != 2 && version != 3) {
                throw error("R serialization format version " + version + "; supported: 2 and 3");
            }
            in.readInt(); // the R version that wrote it
            in.readInt(); // the oldest R version that can read it
            if (version == 3) {
                String encoding = new String(in.readNBytes(in.readInt()), StandardCharsets.US_ASCII);
                nativeCharset = encoding.equalsIgnoreCase("latin1") || encoding.equalsIgnoreCase("ISO-8859-1")
                        ? StandardCharsets.ISO_8859_1 : StandardCharsets.UTF_8;
            }
            return item();
        }

        private Node item() throws IOException {
            int flags = in.readInt();
            int type = flags & 0xFF;
            boolean hasAttributes = (flags & HAS_ATTRIBUTES) != 0;
            int levels = flags >>> 12;
            if (type == NILVALUE_SXP) {
                return Node.NULL;
            }
            if (MARKERS.contains(type)) {
                return new Node(type, null, Map.of());
            }
            switch (type) {
                case REFSXP -> {
                    int index = flags >>> 8;
                    if (index == 0) {
                        index = in.readInt();
                    }
                    if (index < 1 || index > refs.size()) {
                        throw error("reference " + index + " to an object not yet read");
                    }
                    return refs.get(index - 1);
                }
                case SYMSXP -> {
                    Node name = item();
                    Node symbol = new Node(SYMSXP, name.data(), Map.of());
                    refs.add(symbol);
                    return symbol;
                }
                case LISTSXP -> {
                    return pairlist(flags);
                }
                case CHARSXP -> {
                    return new Node(CHARSXP, chars(levels), Map.of());
                }
                default -> {
                    // a vector: payload, then its attributes
                }
            }
            Object data = switch (type) {
                case LGLSXP, INTSXP -> {
                    int[] v = new int[length()];
                    for (int i = 0; i < v.length; i++) {
                        v[i] = in.readInt();
                    }
                    yield v;
                }
                case REALSXP -> {
                    double[] v = new double[length()];
                    for (int i = 0; i < v.length; i++) {
                        v[i] = in.readDouble();
                    }
                    yield v;
                }
                case STRSXP -> {
                    int n = length();
                    List<String> v = new ArrayList<>(n);
                    for (int i = 0; i < n; i++) {
                        Node c = item();
                        if (c.type() != CHARSXP) {
                            throw error("element " + (i + 1) + " of a character vector is of type " + c.type());
                        }
                        v.add((String) c.data());
                    }
                    yield java.util.Collections.unmodifiableList(v);
                }
                case VECSXP, EXPRSXP -> {
                    int n = length();
                    List<Node> v = new ArrayList<>(n);
                    for (int i = 0; i < n; i++) {
                        v.add(item());
                    }
                    yield List.copyOf(v);
                }
                default -> throw error("R object type " + type + " is not supported (this reader takes character, "
                        + "integer, logical and double vectors, lists and pairlists)");
            };
            return new Node(type, data, hasAttributes ? attributes(item()) : Map.of());
        }

        /** A pairlist as a list node whose names are the tags; its own attributes come first. */
        private Node pairlist(int flags) throws IOException {
            List<Node> values = new ArrayList<>();
            List<String> tags = new ArrayList<>();
            Map<String, Node> attributes = Map.of();
            int f = flags;
            while (true) {
                if ((f & HAS_ATTRIBUTES) != 0) {
                    Map<String, Node> a = attributes(item());
                    attributes = attributes.isEmpty() ? a : attributes;
                }
                Node tag = (f & HAS_TAG) != 0 ? item() : Node.NULL;
                tags.add(tag.data() instanceof String s ? s : "");
                values.add(item());
                f = in.readInt();
                if ((f & 0xFF) == NILVALUE_SXP) {
                    break;
                }
                if ((f & 0xFF) != LISTSXP) {
                    throw error("a pairlist ends in an object of type " + (f & 0xFF));
                }
            }
            Map<String, Node> withNames = new LinkedHashMap<>(attributes);
            withNames.put("names", new Node(STRSXP, List.copyOf(tags), Map.of()));
            return new Node(VECSXP, List.copyOf(values), withNames);
        }

        private Map<String, Node> attributes(Node pairs) throws IOException {
            if (pairs.type() == NILVALUE_SXP) {
                return Map.of();
            }
            if (pairs.type() != VECSXP) {
                throw error("attributes are an object of type " + pairs.type() + ", not a pairlist");
            }
            Map<String, Node> out = new LinkedHashMap<>();
            List<String> names = pairs.names();
            for (int i = 0; i < names.size(); i++) {
                out.put(names.get(i), pairs.items().get(i));
            }
            return out;
        }

        private String chars(int levels) throws IOException {
            int n = in.readInt();
            if (n == -1) {
                return null;
            }
            if (n < 0) {
                throw error("a string of " + n + " bytes");
            }
            byte[] bytes = in.readNBytes(n);
            if (bytes.length < n) {
                throw new EOFException();
            }
            Charset cs = (levels & LATIN1) != 0 ? StandardCharsets.ISO_8859_1 : nativeCharset;
            try {
                return cs.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
            } catch (CharacterCodingException e) {
                throw error("a string that is not valid " + cs.name());
            }
        }

        private int length() throws IOException {
            int n = in.readInt();
            if (n >= 0) {
                return n;
            }
            if (n != -1) {
                throw error("a vector of length " + n);
            }
            long upper = in.readInt() & 0xFFFFFFFFL;
            long lower = in.readInt() & 0xFFFFFFFFL;
            long big = (upper << 32) | lower;
            if (big > Integer.MAX_VALUE - 8) {
                throw error("a vector of " + big + " elements, too long to read");
            }
            return (int) big;
        }

        private MalformedDataException error(String problem) {
            return new MalformedDataException(file, where, problem);
        }
    }
}
