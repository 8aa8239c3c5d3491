package dev.topos.data.fetch;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Runs an external command (npm, apt-get, dpkg-deb) and waits for it: the seam through which tests
 * replace the package clients. {@link ProcessRunner} is the real one.
 */
@FunctionalInterface
public interface CommandRunner {
    /**
     * Runs {@code command} in {@code dir} with no input and its stdout discarded.
     *
     * @throws CommandNotFoundException if the program is not on PATH
     */
    Result run(Path dir, List<String> command) throws IOException;

    /** How a command ended: its exit code and what it wrote on stderr. */
    record Result(int exitCode, String stderr) {
        private static final Pattern ERROR_LINE = Pattern.compile("(?i).*\\berror\\b.*|E: .*");
        private static final int MAX_LINES = 3;
        private static final int MAX_CHARS = 400;

        /**
         * The gist of stderr on one line: its first few error lines (npm's "npm error ...", apt's
         * "E: ..."), else its last few lines, joined with " | ".
         */
        public String summary() {
            List<String> lines = stderr.lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
            List<String> errors = lines.stream().filter(l -> ERROR_LINE.matcher(l).matches()).toList();
            List<String> chosen = !errors.isEmpty() ? errors.subList(0, Math.min(MAX_LINES, errors.size()))
                    : lines.subList(Math.max(0, lines.size() - MAX_LINES), lines.size());
            if (chosen.isEmpty()) {
                return "(nothing on stderr)";
            }
            String joined = chosen.stream().collect(Collectors.joining(" | "));
            return joined.length() <= MAX_CHARS ? joined : joined.substring(0, MAX_CHARS) + "...";
        }
    }
}
