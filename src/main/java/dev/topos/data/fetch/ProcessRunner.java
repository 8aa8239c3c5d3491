package dev.topos.data.fetch;

import java.io.File;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/** Runs commands as child processes: the real {@link CommandRunner}. */
public final class ProcessRunner implements CommandRunner {
    private static final File NO_INPUT = new File("/dev/null");

    @Override
    public Result run(Path dir, List<String> command) throws IOException {
        String program = command.get(0);
        Path executable = find(program, System.getenv("PATH")).orElseThrow(() -> new CommandNotFoundException(program));
        List<String> resolved = Stream.concat(Stream.of(executable.toString()), command.stream().skip(1)).toList();
        Process process = new ProcessBuilder(resolved)
                .directory(dir.toFile())
                .redirectInput(NO_INPUT)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        try {
            // stdout is discarded, so reading stderr to its end cannot deadlock.
            String stderr = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
            return new Result(process.waitFor(), stderr);
        } catch (InterruptedException e) {
            process.destroy();
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while running " + String.join(" ", command));
        }
    }

    /** {@code program} as an executable file: itself if it names a folder, else the first match on {@code path}. */
    static Optional<Path> find(String program, String path) {
        if (program.contains("/")) {
            Path p = Path.of(program);
            return Files.isRegularFile(p) && Files.isExecutable(p) ? Optional.of(p) : Optional.empty();
        }
        if (path == null) {
            return Optional.empty();
        }
        return Stream.of(path.split(File.pathSeparator))
                .filter(d -> !d.isEmpty())
                .map(d -> Path.of(d, program))
                .filter(p -> Files.isRegularFile(p) && Files.isExecutable(p))
                .findFirst();
    }
}
