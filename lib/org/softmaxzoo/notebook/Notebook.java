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

    /** {@code full} epochs normally, {@code quick} in quick mode. */
    public static int epochs(int full, int quick) {
        return quick() ? quick : full;
    }

    /** The project's figures folder: {@code figures/} beside the notebooks folder. */
    public static Path figures() {
        Path here = Path.of("").toAbsolutePath();
        for (Path p = here; p != null; p = p.getParent()) {
            if (Files.isDirectory(p.resolve("figures")) && Files.isDirectory(p.resolve("notebooks"))) {
                return p.resolve("figures");
            }
        }
        throw new IllegalStateException("cannot find the project's figures/ folder from " + here);
    }
}
