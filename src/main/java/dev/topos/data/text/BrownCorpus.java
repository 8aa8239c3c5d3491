package dev.topos.data.text;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Reads the tagged Brown corpus (Francis &amp; Kučera 1964/1979, "Form C"; redistribution
 * permitted): 500 files {@code ca01} … {@code cr09} (genre letter a–r, two digits), about 1.16M
 * words as {@code word/tag}.
 *
 * <p>Each non-blank line is one sentence (paragraphs are separated by blank lines and start with a
 * tab; headlines are lines of their own), as NLTK's Brown reader does. A token is split at its
 * last {@code /} because words may contain one ({@code 1-1/2/cd}); its tag goes through
 * {@link BrownTag#normalise}. Other files in the folder (README, CONTENTS, cats.txt, ...) are
 * ignored.
 */
public final class BrownCorpus {
    private static final Pattern FILE_NAME = Pattern.compile("c[a-r]\\d\\d");
    private static final Pattern SPACES = Pattern.compile("\\s+");

    private BrownCorpus() {}

    /** Every sentence of every corpus file, files in name order. */
    public static List<List<TaggedWord>> load(Path folder) throws IOException {
        List<Path> files = DataFiles.files(folder, n -> FILE_NAME.matcher(n).matches());
        if (files.isEmpty()) {
            throw new MalformedDataException(folder, "", "no Brown corpus files found; expected files named ca01 … cr09");
        }
        Map<String, String> strings = new HashMap<>(); // one String per distinct word and tag: 1.16M tokens, ~60k types
        List<List<TaggedWord>> out = new ArrayList<>();
        for (Path f : files) {
            out.addAll(readFile(f, strings));
        }
        return out;
    }

    /** The sentences of one corpus file. */
    public static List<List<TaggedWord>> readFile(Path file) throws IOException {
        return readFile(file, new HashMap<>());
    }

    private static List<List<TaggedWord>> readFile(Path file, Map<String, String> strings) throws IOException {
        List<String> lines = DataFiles.lines(file);
        List<List<TaggedWord>> out = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty()) {
                continue;
            }
            List<TaggedWord> sentence = new ArrayList<>();
            for (String token : SPACES.split(line)) {
                int slash = token.lastIndexOf('/');
                if (slash <= 0 || slash == token.length() - 1) {
                    throw new MalformedDataException(file, "line " + (i + 1),
                            "token '" + token + "' is not word/tag");
                }
                String word = strings.computeIfAbsent(token.substring(0, slash), w -> w);
                String tag = strings.computeIfAbsent(BrownTag.normalise(token.substring(slash + 1)), t -> t);
                sentence.add(new TaggedWord(word, tag));
            }
            out.add(List.copyOf(sentence));
        }
        return out;
    }
}
