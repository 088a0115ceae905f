package org.softmaxzoo.cli;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** Submits a batch script with Slurm's {@code sbatch}, found on a search path, and returns the job id. */
final class Sbatch {
    private Sbatch() {
    }

    /** The {@code sbatch} program on {@code searchPath} (a PATH value), if there is one. */
    static Optional<Path> find(String searchPath) {
        if (searchPath == null) {
            return Optional.empty();
        }
        for (String dir : searchPath.split(File.pathSeparator)) {
            if (dir.isEmpty()) {
                continue;
            }
            Path p = Path.of(dir, "sbatch");
            if (Files.isRegularFile(p) && Files.isExecutable(p)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }

    /**
     * Submits {@code script} and returns the job id sbatch printed. Without sbatch on {@code searchPath},
     * or when sbatch refuses the script, an {@link IllegalStateException} with a one-line reason.
     */
    static String submit(Path script, String searchPath) {
        Path sbatch = find(searchPath).orElseThrow(() -> new IllegalStateException(
                "--submit needs Slurm's sbatch on the PATH (not found): run it on a machine of the cluster, or install the client "
                        + "(Debian: apt-get install slurm-client), or submit the script written to " + script + " yourself: sbatch "
                        + script));
        try {
            Process p = new ProcessBuilder(sbatch.toString(), "--parsable", script.toString()).redirectErrorStream(true).start();
            String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            int code = p.waitFor();
            // --parsable prints "<job id>" or "<job id>;<cluster>".
            String id = output.lines().reduce((a, b) -> b).orElse("").split(";")[0].trim();
            if (code != 0 || !id.matches("[0-9]+")) {
                throw new IllegalStateException("sbatch refused " + script + " (exit " + code + "): "
                        + output.replace('\n', ' '));
            }
            return id;
        } catch (IOException e) {
            throw new IllegalStateException("cannot run " + sbatch + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for sbatch", e);
        }
    }
}
