package dev.topos.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The run folder's lock (a live holder in another JVM: {@link StopAndResumeTest}). */
class RunLockTest {
    @TempDir
    Path dir;

    @Test
    void aHeldFolderIsRefusedNamingTheHolder() throws Exception {
        try (RunLock first = RunLock.acquire(dir, new PrintWriter(new StringWriter()))) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> RunLock.acquire(dir, new PrintWriter(new StringWriter())));
            assertTrue(e.getMessage().startsWith(dir + " is in use by a live topos process (pid "
                    + ProcessHandle.current().pid() + " since "), e.getMessage());
        }
        StringWriter notices = new StringWriter();
        try (RunLock again = RunLock.acquire(dir, new PrintWriter(notices))) {
            assertEquals("", notices.toString(), "a released lock is free, no notice");
        }
    }

    @Test
    void aDeadProcesssLockIsTakenOverWithANotice() throws Exception {
        Process gone = new ProcessBuilder("true").start();
        gone.waitFor();
        Files.writeString(dir.resolve(RunLock.FILE), "pid " + gone.pid() + " since 2026-01-01T00:00:00Z\n");
        StringWriter notices = new StringWriter();
        try (RunLock taken = RunLock.acquire(dir, new PrintWriter(notices))) {
            assertTrue(notices.toString().contains("taking over a stale lock (pid " + gone.pid()
                    + " since 2026-01-01T00:00:00Z, no longer running)"), notices.toString());
            assertTrue(Files.readString(dir.resolve(RunLock.FILE)).startsWith("pid " + ProcessHandle.current().pid()));
        }
    }
}
