package org.softmaxzoo.train;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.Map;

/**
 * One process's exclusive hold on a run folder: one trainer per run, whether started by {@code train},
 * a grid or a notebook, and the claim by which grids sharing a list never train the same run twice. It
 * is an operating-system lock on {@value #FILE} in the folder: the lock (not the file) is the hold, so
 * it disappears when released or when the process dies, and no stale lock outlives a killed process. The
 * file holds the holder's pid, for the message a second process gets; it is left in place, since deleting
 * it could let two processes lock two different files.
 *
 * <p>Within a process the hold belongs to a thread and nests: a grid that holds a run can train it.
 */
public final class RunLock implements AutoCloseable {
    static final String FILE = ".run.lock";

    /** The holds of this process, by folder: a thread taking one it already holds just counts up. */
    private static final Map<Path, RunLock> HELD = new HashMap<>();

    private final Path key;
    private final FileChannel channel;
    private final FileLock lock;
    private final Thread owner = Thread.currentThread();
    private int depth = 1;

    private RunLock(Path key, FileChannel channel, FileLock lock) {
        this.key = key;
        this.channel = channel;
        this.lock = lock;
    }

    /** The hold on {@code runDir}, or null when another process or another thread of this one holds it. */
    public static RunLock tryAcquire(Path runDir) {
        Path key = runDir.toAbsolutePath().normalize();
        synchronized (HELD) {
            RunLock mine = HELD.get(key);
            if (mine != null) {
                if (mine.owner != Thread.currentThread()) {
                    return null;
                }
                mine.depth++;
                return mine;
            }
            try {
                Files.createDirectories(key);
                FileChannel channel = FileChannel.open(key.resolve(FILE), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                FileLock lock;
                try {
                    lock = channel.tryLock();
                } catch (OverlappingFileLockException heldInThisProcess) {
                    lock = null;
                }
                if (lock == null) {
                    channel.close();
                    return null;
                }
                channel.truncate(0);
                channel.write(ByteBuffer.wrap((ProcessHandle.current().pid() + "\n").getBytes(StandardCharsets.US_ASCII)));
                RunLock held = new RunLock(key, channel, lock);
                HELD.put(key, held);
                return held;
            } catch (IOException e) {
                throw new UncheckedIOException(runDir + ": cannot lock the run folder (" + e.getMessage() + ")", e);
            }
        }
    }

    /** The hold on {@code runDir}; a {@link RunInUseException} naming the holder when someone else has it. */
    public static RunLock acquire(Path runDir) {
        RunLock held = tryAcquire(runDir);
        if (held == null) {
            throw new RunInUseException(runDir + " is being trained by " + holder(runDir)
                    + "; wait for it to finish or stop it (one trainer per run folder)");
        }
        return held;
    }

    /** Who holds the lock, as the lock file tells it. */
    static String holder(Path runDir) {
        try {
            String pid = Files.readString(runDir.resolve(FILE), StandardCharsets.US_ASCII).trim();
            return pid.matches("\\d+") ? "process " + pid : "another process";
        } catch (IOException e) {
            return "another process";
        }
    }

    @Override
    public void close() {
        synchronized (HELD) {
            if (--depth > 0) {
                return;
            }
            HELD.remove(key);
            try {
                lock.release();
                channel.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
