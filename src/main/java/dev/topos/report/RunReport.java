package dev.topos.report;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Placeholder for the run report written on the {@code report} branch; it is replaced at merge
 * and exists so that {@code topos report} compiles here.
 */
public final class RunReport {
    private RunReport() {}

    /** Writes report.html for a run folder (not available on this branch). */
    public static void write(Path runDir) throws IOException {
        throw new UnsupportedOperationException("the report is not available in this build (" + runDir + ")");
    }
}
