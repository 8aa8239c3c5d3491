package dev.topos.data.text;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A data file that cannot be parsed. The message always starts with the file and, where there is
 * one, the line or item, so a user can open the file at the right place.
 */
public final class MalformedDataException extends IOException {
    private static final long serialVersionUID = 1L;

    /** @param where e.g. "line 12" or "item 3"; empty when the problem concerns the whole file */
    public MalformedDataException(Path file, String where, String problem) {
        super(file + (where.isEmpty() ? "" : " " + where) + ": " + problem);
    }

    public MalformedDataException(Path file, String where, String problem, Throwable cause) {
        this(file, where, problem);
        initCause(cause);
    }
}
