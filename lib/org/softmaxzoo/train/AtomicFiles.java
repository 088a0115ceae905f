package org.softmaxzoo.train;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** Writes a file through a temporary sibling and a rename, so a reader never sees a half-written file. */
public final class AtomicFiles {
    private AtomicFiles() {
    }

    @FunctionalInterface
    public interface Writer {
        void write(Path tmp) throws IOException;
    }

    public static void write(Path target, Writer writer) {
        try {
            Path dir = target.toAbsolutePath().getParent();
            Files.createDirectories(dir);
            Path tmp = Files.createTempFile(dir, target.getFileName().toString(), ".tmp");
            try {
                writer.write(tmp);
                readableByAll(tmp);
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + target + ": " + e.getMessage(), e);
        }
    }

    /** Temporary files start owner-only; the result should read like any other file. */
    private static void readableByAll(Path file) throws IOException {
        if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            Files.setPosixFilePermissions(file, java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));
        }
    }

    public static void writeString(Path target, String content) {
        write(target, tmp -> Files.writeString(tmp, content));
    }
}
