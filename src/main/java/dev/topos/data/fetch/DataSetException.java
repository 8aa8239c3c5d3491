package dev.topos.data.fetch;

import java.io.IOException;

/**
 * A data set that cannot be fetched, verified or imported. The message is one line that names the
 * data set, the file or command involved, and what was expected; the cache is left as it was.
 */
public final class DataSetException extends IOException {
    private static final long serialVersionUID = 1L;

    public DataSetException(String dataSet, String message) {
        super("data set '" + dataSet + "': " + message);
    }
}
