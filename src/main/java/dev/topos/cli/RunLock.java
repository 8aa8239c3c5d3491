package dev.topos.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;

/**
 * One process at a time in a run folder: {@code run.lock} holds the holder's pid and start time
 * under an operating-system lock, which dies with the process. A second {@code topos run} (or
 * {@code analyze}) into a folder a live run holds is refused, naming the pid; a lock file that a
 * process which died left holding its pid is taken over with a notice.
 */
final class RunLock implements AutoCloseable {
    static final String FILE = "run.lock";
    private final FileChannel channel;
    private final FileLock lock;

    private RunLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /** Takes the lock of {@code dir} (made if missing), printing a notice on {@code notices} for a stale one. */
    static RunLock acquire(Path dir, PrintWriter notices) throws IOException {
        Files.createDirectories(dir);
        Path file = dir.resolve(FILE);
        FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                StandardOpenOption.WRITE);
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (OverlappingFileLockException e) {
            lock = null; // this very process holds it
        }
        String previous = read(channel);
        if (lock == null) {
            channel.close();
            throw new IllegalArgumentException(dir + " is in use by a live topos process (" + describe(previous)
                    + "); wait for it to finish, or stop it (kill " + pid(previous) + ") and continue with --resume");
        }
        if (!previous.isBlank()) {
            notices.println("topos: " + file + ": taking over a stale lock (" + describe(previous)
                    + ", no longer running)");
            notices.flush();
        }
        byte[] mine = ("pid " + ProcessHandle.current().pid() + " since " + Instant.now() + "\n")
                .getBytes(StandardCharsets.UTF_8);
        channel.truncate(0);
        channel.write(ByteBuffer.wrap(mine), 0);
        channel.force(true);
        return new RunLock(channel, lock);
    }

    /** Whether a live process holds {@code dir}'s lock; the folder is not changed (no lock file is made). */
    static boolean held(Path dir) throws IOException {
        Path file = dir.resolve(FILE);
        if (!Files.isRegularFile(file)) {
            return false;
        }
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            FileLock lock = channel.tryLock();
            if (lock == null) {
                return true;
            }
            lock.release();
            return false;
        } catch (OverlappingFileLockException e) {
            return true; // this very process holds it
        }
    }

    private static String read(FileChannel channel) throws IOException {
        ByteBuffer buf = ByteBuffer.allocate((int) Math.min(channel.size(), 4096));
        channel.read(buf, 0);
        return new String(buf.array(), 0, buf.position(), StandardCharsets.UTF_8).trim();
    }

    private static String describe(String content) {
        return content.isBlank() ? "pid unknown" : content;
    }

    private static String pid(String content) {
        String[] words = content.split("\\s+");
        return words.length > 1 && words[0].equals("pid") ? words[1] : "PID";
    }

    /**
     * Empties the file and releases the lock. The file stays (removing it would let a process that
     * opened it just before lock a file no one else sees); an empty one is a free folder.
     */
    @Override
    public void close() throws IOException {
        channel.truncate(0);
        channel.force(true);
        lock.release();
        channel.close();
    }
}
