package dev.topos.data.text;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Loads State of the Union addresses (1790–2016, 233 speeches; public domain, PDDL/CC0 as packaged
 * by stdlib {@code datasets-sotu}): every {@code *.txt} file of the folder, in name order (the
 * names start with the year, so this is chronological). Texts are kept as written but stripped of
 * surrounding whitespace; an empty file is an error.
 */
public final class SotuSpeeches {
    private SotuSpeeches() {}

    public static List<Speech> load(Path folder) throws IOException {
        List<Path> files = DataFiles.files(folder, n -> n.endsWith(".txt"));
        if (files.isEmpty()) {
            throw new MalformedDataException(folder, "", "no speeches found; expected *.txt files");
        }
        List<Speech> out = new ArrayList<>(files.size());
        for (Path f : files) {
            String text = DataFiles.read(f).strip();
            if (text.isEmpty()) {
                throw new MalformedDataException(f, "", "empty speech");
            }
            String name = f.getFileName().toString();
            out.add(new Speech(name.substring(0, name.length() - ".txt".length()), text));
        }
        return out;
    }
}
