package dev.topos.data.fetch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProcessRunnerTest {
    @TempDir
    Path tmp;

    @Test
    void runsInTheFolderAndCapturesExitCodeAndStderr() throws IOException {
        CommandRunner.Result r = new ProcessRunner().run(tmp,
                List.of("sh", "-c", "echo to-stdout; echo made > here.txt; echo oops >&2; exit 3"));
        assertEquals(new CommandRunner.Result(3, "oops\n"), r);
        assertTrue(tmp.resolve("here.txt").toFile().isFile(), "ran in the given folder");
    }

    @Test
    void aProgramMissingFromPathIsNamed() {
        CommandNotFoundException e = assertThrows(CommandNotFoundException.class,
                () -> new ProcessRunner().run(tmp, List.of("topos-no-such-program", "x")));
        assertEquals("topos-no-such-program", e.program());
        assertEquals(Optional.empty(), ProcessRunner.find("sh", "/topos/nowhere:"));
        assertEquals(Optional.empty(), ProcessRunner.find("sh", null));
    }

    @Test
    void theSummaryPrefersErrorLines() {
        assertEquals("E: Unable to locate package x", new CommandRunner.Result(100,
                "Reading package lists...\nE: Unable to locate package x\n").summary());
        assertEquals("two | three | four", new CommandRunner.Result(1, "one\ntwo\n\nthree\nfour\n").summary());
        assertEquals("(nothing on stderr)", new CommandRunner.Result(1, " \n").summary());
        String longLine = "error " + "x".repeat(500);
        assertEquals(longLine.substring(0, 400) + "...", new CommandRunner.Result(1, longLine).summary());
    }
}
