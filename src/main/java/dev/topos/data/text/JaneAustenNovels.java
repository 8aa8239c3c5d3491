package dev.topos.data.text;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Jane Austen's six completed novels as the R package janeaustenr ships them (Debian
 * {@code r-cran-janeaustenr}; the texts are Project Gutenberg's, public domain): an R lazy-load
 * database ({@link RLazyLoad}) of six character vectors {@code emma}, {@code mansfieldpark},
 * {@code northangerabbey}, {@code persuasion}, {@code prideprejudice}, {@code sensesensibility},
 * one element per line of the Gutenberg text (hard-wrapped at about 70 characters, a blank line
 * between paragraphs), about 718,000 words in all.
 */
public final class JaneAustenNovels {
    /** The six novels' object names. */
    public static final List<String> NOVELS = List.of("emma", "mansfieldpark", "northangerabbey", "persuasion",
            "prideprejudice", "sensesensibility");
    /** A chapter heading line: "CHAPTER I", "Chapter 1", "CHAPTER XLV." */
    private static final Pattern CHAPTER = Pattern.compile("\\s*chapter\\s+([ivxlcdm]+|\\d+)\\s*\\.?\\s*",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern SPACES = Pattern.compile("\\s+");

    private JaneAustenNovels() {}

    /**
     * One novel.
     *
     * @param name  its object name, e.g. {@code prideprejudice}
     * @param lines its lines as the package holds them ({@code NA} lines dropped)
     */
    public record Novel(String name, List<String> lines) {
        public Novel {
            lines = List.copyOf(lines);
        }

        /**
         * The novel's chapters as plain text: cut before each chapter heading line (the heading
         * stays at the start of its chapter; title and preface go with the first chapter), the
         * hard-wrapped lines of a paragraph joined by spaces, paragraphs separated by a blank line,
         * and the underscores Gutenberg marks italics with ({@code _them_}) removed.
         */
        public List<String> chapters() {
            List<String> out = new ArrayList<>();
            List<String> paragraphs = new ArrayList<>();
            StringBuilder paragraph = new StringBuilder();
            boolean seenChapter = false;
            for (String line : lines) {
                boolean heading = CHAPTER.matcher(line).matches();
                if (heading && seenChapter) {
                    flush(paragraph, paragraphs);
                    out.add(String.join("\n\n", paragraphs));
                    paragraphs.clear();
                }
                seenChapter |= heading;
                if (line.isBlank() || heading) {
                    flush(paragraph, paragraphs);
                }
                if (!line.isBlank()) {
                    paragraph.append(paragraph.length() == 0 ? "" : " ").append(line.replace("_", "").strip());
                }
                if (heading) {
                    flush(paragraph, paragraphs);
                }
            }
            flush(paragraph, paragraphs);
            if (!paragraphs.isEmpty()) {
                out.add(String.join("\n\n", paragraphs));
            }
            return out;
        }

        private static void flush(StringBuilder paragraph, List<String> paragraphs) {
            String p = SPACES.matcher(paragraph).replaceAll(" ").strip();
            if (!p.isEmpty()) {
                paragraphs.add(p);
            }
            paragraph.setLength(0);
        }
    }

    /**
     * The novels of a janeaustenr data folder ({@code Rdata.rdx}, {@code Rdata.rdb}), in the
     * database's order.
     *
     * @throws MalformedDataException naming the folder if a novel is missing, or the file if the
     *     database cannot be read
     */
    public static List<Novel> load(Path folder) throws IOException {
        Map<String, List<String>> vectors = RLazyLoad.characterVectors(folder);
        List<String> missing = NOVELS.stream().filter(n -> !vectors.containsKey(n)).toList();
        if (!missing.isEmpty()) {
            throw new MalformedDataException(folder, "", "no " + String.join(", ", missing) + " in the R data; "
                    + "expected janeaustenr's six novels " + String.join(", ", NOVELS));
        }
        List<Novel> out = new ArrayList<>();
        for (Map.Entry<String, List<String>> e : vectors.entrySet()) {
            if (NOVELS.contains(e.getKey())) {
                out.add(new Novel(e.getKey(), e.getValue().stream().filter(Objects::nonNull).toList()));
            }
        }
        return out;
    }
}
