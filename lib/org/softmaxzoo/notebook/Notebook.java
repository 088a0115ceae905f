package org.softmaxzoo.notebook;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Settings the notebooks share: quick mode (environment variable {@value #QUICK_ENV} = 1, or system
 * property {@code softmaxzoo.quick=true}: fewer epochs and a subset of the training set, for CI), and
 * where figures and tables go (the project's {@code figures/} and {@code results/}, found from the notebook's
 * working directory).
 */
public final class Notebook {
    public static final String QUICK_ENV = "SOFTMAX_ZOO_QUICK";

    private Notebook() {
    }

    public static boolean quick() {
        return "1".equals(System.getenv(QUICK_ENV)) || Boolean.getBoolean("softmaxzoo.quick");
    }

    /**
     * Where the notebooks' figures go: the project's {@code figures/}; in quick mode
     * {@code target/quick-figures/}, so a quick run never replaces the committed full-mode figures.
     */
    public static Path figures() {
        return created(quick() ? projectDir().resolve("target").resolve("quick-figures") : projectDir().resolve("figures"));
    }

    /** Where the notebooks' tables go: the project's {@code results/}; in quick mode {@code target/quick-results/}. */
    public static Path results() {
        return created(quick() ? projectDir().resolve("target").resolve("quick-results") : projectDir().resolve("results"));
    }

    /** The committed runs (read only by the notebooks): {@code results/runs/}. */
    public static Path committedRuns() {
        return projectDir().resolve("results").resolve("runs");
    }

    private static Path created(Path dir) {
        try {
            return Files.createDirectories(dir);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("cannot create " + dir, e);
        }
    }

    /** The project's folder: the nearest one up from the working directory with figures/ and notebooks/. */
    public static Path projectDir() {
        Path here = Path.of("").toAbsolutePath();
        for (Path p = here; p != null; p = p.getParent()) {
            if (Files.isDirectory(p.resolve("figures")) && Files.isDirectory(p.resolve("notebooks"))) {
                return p;
            }
        }
        throw new IllegalStateException("cannot find the project's folder (with figures/ and notebooks/) from " + here);
    }
}
