package dev.topos.data.fetch;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * A made-up npm data set for tests: {@code tiny@1.0.0} keeps {@code package/data/*.txt} (a.txt and
 * b.txt in the good archive); a user's copy is a folder with a.txt and b.txt.
 */
public final class TinyData {
    public static final String A = "alpha";
    public static final String B = "beta!";

    private TinyData() {
    }

    /** The good archive: two kept files, plus files the rule must skip. */
    public static byte[] archive() throws IOException {
        return new Tgz()
                .file("package/package.json", "{\"name\": \"tiny\"}")
                .file("package/data/a.txt", A)
                .file("package/data/b.txt", B)
                .file("package/data/readme.md", "not kept: wrong extension")
                .file("package/data/sub/c.txt", "not kept: one folder too deep")
                .symlink("package/data/link.txt", "a.txt")
                .bytes();
    }

    /** The data set, trusting the archive whose sha256 is {@code sha256}. */
    public static DataSet dataSet(String name, String sha256) {
        return new DataSet(name, Client.NPM, name + "@1.0.0", sha256, "MIT", "1 KB tgz", "a test data set",
                new Keep("package/data/", "*.txt", ""), 2,
                List.of(new Layout("a folder with a.txt and b.txt", List.of("a.txt", "b.txt"), new Keep("", "*.txt", ""))));
    }

    /** sha256 of {@code bytes}, computed here independently of the code under test. */
    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }

    /** Every path under {@code root} (folders too) with its content, to compare a tree before and after. */
    public static Map<String, String> snapshot(Path root) throws IOException {
        Map<String, String> tree = new TreeMap<>();
        if (!Files.exists(root)) {
            return tree;
        }
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.toList()) {
                tree.put(root.relativize(p).toString(),
                        Files.isDirectory(p) ? "<folder>" : Base64.getEncoder().encodeToString(Files.readAllBytes(p)));
            }
        }
        return tree;
    }
}
