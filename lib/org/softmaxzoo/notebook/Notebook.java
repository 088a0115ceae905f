package org.softmaxzoo.notebook;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Settings the notebooks share: quick mode (environment variable {@value #QUICK_ENV} = 1, or system
 * property {@code softmaxzoo.quick=true}: fewer epochs and a subset of the training set, for CI), and
 * where figures go (the project's {@code figures/}, found from the notebook's working directory).
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
        Path dir = quick() ? projectDir().resolve("target").resolve("quick-figures") : projectDir().resolve("figures");
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
