package dev.topos.data.fetch;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A {@link CommandRunner} for tests: each program does what the test says (write an archive, fail,
 * ...); a program nobody set up is "not on PATH". Records every command it was asked to run.
 */
public final class FakeClients implements CommandRunner {
    /** What one fake program does when run. */
    @FunctionalInterface
    public interface Program {
        Result run(Path dir, List<String> command) throws IOException;
    }

    private final Map<String, Program> programs = new HashMap<>();
    private final List<List<String>> calls = new ArrayList<>();

    /** Makes {@code program} available, doing {@code behaviour}. */
    public FakeClients on(String program, Program behaviour) {
        programs.put(program, behaviour);
        return this;
    }

    /** A program that writes {@code bytes} as {@code fileName} into its working folder and succeeds. */
    public static Program writes(String fileName, byte[] bytes) {
        return (dir, command) -> {
            Files.write(dir.resolve(fileName), bytes);
            return new Result(0, "");
        };
    }

    /** A program that fails with {@code exitCode} after writing {@code stderr}. */
    public static Program fails(int exitCode, String stderr) {
        return (dir, command) -> new Result(exitCode, stderr);
    }

    /** The commands run so far. */
    public List<List<String>> calls() {
        return List.copyOf(calls);
    }

    @Override
    public Result run(Path dir, List<String> command) throws IOException {
        calls.add(List.copyOf(command));
        Program program = programs.get(command.get(0));
        if (program == null) {
            throw new CommandNotFoundException(command.get(0));
        }
        return program.run(dir, command);
    }
}
