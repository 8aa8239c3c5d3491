package dev.topos.data.fetch;

import java.io.IOException;

/** The program of a command is not on PATH (or, given with a folder, not executable). */
public final class CommandNotFoundException extends IOException {
    private static final long serialVersionUID = 1L;
    private final String program;

    public CommandNotFoundException(String program) {
        super("command not found on PATH: " + program);
        this.program = program;
    }

    public String program() {
        return program;
    }
}
