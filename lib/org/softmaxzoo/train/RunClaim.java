package org.softmaxzoo.train;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * One grid process's exclusive hold on a run folder, so that grids sharing a list never train the same
 * run twice. It is an operating-system lock on a file in the folder: the lock (not the file) is the
 * claim, so it disappears when released or when the process dies, and no stale claim outlives a killed
 * grid. The file itself is left in place; deleting it could let two processes lock two different files.
 */
final class RunClaim implements AutoCloseable {
    static final String FILE = ".grid.lock";

    private final FileChannel channel;
    private final FileLock lock;

    private RunClaim(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /** The claim on {@code runDir}, or null when another process (or thread of this one) holds it. */
    static RunClaim tryClaim(Path runDir) {
        try {
            Files.createDirectories(runDir);
            FileChannel channel = FileChannel.open(runDir.resolve(FILE), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
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
            return new RunClaim(channel, lock);
        } catch (IOException e) {
            throw new UncheckedIOException(runDir + ": cannot claim the run (" + e.getMessage() + ")", e);
        }
    }

    @Override
    public void close() {
        try {
            lock.release();
            channel.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
