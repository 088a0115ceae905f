package org.softmaxzoo.data;

import java.nio.file.Path;

/**
 * Where the data sets live: one folder per data set ({@code mnist/}, {@code fashion-mnist/}).
 * Chosen by an explicit option first, then the environment variable {@value #ENV}, then
 * {@code ~/.cache/softmax-zoo/data}.
 */
public final class DataRoot {
    public static final String ENV = "SOFTMAX_ZOO_DATA";

    private DataRoot() {
    }

    public static Path resolve(Path option) {
        if (option != null) {
            return option;
        }
        String env = System.getenv(ENV);
        if (env != null && !env.isBlank()) {
            return Path.of(env);
        }
        return Path.of(System.getProperty("user.home"), ".cache", "softmax-zoo", "data");
    }
}
