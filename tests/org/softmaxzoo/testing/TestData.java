package org.softmaxzoo.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import org.softmaxzoo.data.DataRoot;

/** The real data sets for tests: $SOFTMAX_ZOO_DATA, else the offline copies beside the checkout. Missing data fails, never skips. */
public final class TestData {
    private TestData() {
    }

    public static Path root() {
        String env = System.getenv(DataRoot.ENV);
        Path root = env != null && !env.isBlank() ? Path.of(env) : Path.of("..", "shared", "datasets");
        if (!Files.isDirectory(root.resolve("mnist"))) {
            throw new IllegalStateException("tests need the MNIST files: set " + DataRoot.ENV + " to a folder with mnist/ "
                    + "and fashion-mnist/ (looked in " + root.toAbsolutePath() + ")");
        }
        return root;
    }
}
