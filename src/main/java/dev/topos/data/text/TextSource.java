package dev.topos.data.text;

import java.util.List;

/**
 * One named source of a pretraining corpus: its documents as plain text, already cleaned the way
 * the source needs (markup stripped, tags removed; see {@link PretrainingTexts}).
 * {@link PretrainingCorpus} deduplicates, tokenises and packs them.
 *
 * @param name        short name for logs and the run record, e.g. {@code brown}
 * @param description one line saying what the documents are and where they come from, for the run
 *                    record (e.g. which IMDB reviews were taken and which were left out)
 * @param documents   the documents in source order; a document is the unit of deduplication and of
 *                    the validation split
 */
public record TextSource(String name, String description, List<String> documents) {
    public TextSource {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a text source needs a name");
        }
        description = description == null ? "" : description;
        documents = List.copyOf(documents);
    }
}
