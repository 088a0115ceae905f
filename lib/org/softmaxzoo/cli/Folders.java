package org.softmaxzoo.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Output folders checked up front, so that a command refuses before its work rather than after it. */
final class Folders {
    private Folders() {
    }

    /** Creates {@code folder} if needed and proves it writable by writing and deleting a file in it. */
    static void requireWritable(Path folder, String option) {
        try {
            Files.createDirectories(folder);
            Files.delete(Files.createTempFile(folder, ".write-check", ".tmp"));
        } catch (IOException | SecurityException e) {
            throw new IllegalArgumentException(option + " " + folder + ": cannot write there (" + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + e.getMessage()) + "); choose another " + option + " or fix its permissions");
        }
    }
}
