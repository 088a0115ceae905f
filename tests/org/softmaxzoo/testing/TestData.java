package org.softmaxzoo.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import org.softmaxzoo.data.DataRoot;

/**
 * The real data sets for tests: $SOFTMAX_ZOO_DATA if set, else the offline copies beside the checkout
 * ({@code ../shared/datasets}) if present, else the default cache folder, where the loader downloads
 * missing files from the official hosts. Missing data is an error, never a skip.
 */
public final class TestData {
    private TestData() {
    }

    public static Path root() {
        Path shared = Path.of("..", "shared", "datasets");
        String env = System.getenv(DataRoot.ENV);
        if ((env == null || env.isBlank()) && Files.isDirectory(shared)) {
            return shared;
        }
        return DataRoot.resolve(null);
    }
}
