package org.softmaxzoo.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.softmaxzoo.notebook.Notebook;

/**
 * Every committed run folder, in every collection under {@code results/runs/}, is named from its configuration
 * and its name (read with its collection folder, {@link RunName#ofFolder}) parses back to the configuration it was
 * trained with: the name alone says what the run is, and writing the parsed configuration gives the name again.
 */
class CommittedRunNamesTest {
    private static final List<String> IDENTITY = List.of("dataset", "head", "feature_dim", "batch_size", "learning_rate",
            "weight_decay", "seed", "train_limit", "network");

    @Test
    void everyCommittedRunNameRoundTripsThroughItsConfig() throws IOException {
        Path runs = Notebook.projectDir().resolve("results").resolve("runs");
        List<Path> configs;
        try (Stream<Path> files = Files.walk(runs)) {
            configs = files.filter(p -> p.getFileName().toString().equals(RunFolder.CONFIG_FILE)).sorted().toList();
        }
        int collections = 0;
        for (Path config : configs) {
            Path dir = config.getParent();
            Properties stored = RunFolder.at(dir).config();
            String name = stored.getProperty("name");
            assertEquals(dir.getFileName().toString(), name, config + ": folder and name differ");
            RunName parsed = RunName.ofFolder(runs, dir);
            Properties identity = parsed.config().identity();
            for (String key : IDENTITY) {
                assertEquals(stored.getProperty(key), identity.getProperty(key), dir + ": " + key);
            }
            String collection = RunName.collectionOf(runs, dir);
            assertEquals(name, parsed.formatIn(collection), dir + ": the name written from the parsed configuration");
            if (!collection.isEmpty()) {
                collections++;
            }
        }
        // 39 top-level runs and 25 in collections when this test was written; the Fashion-MNIST grid adds more.
        assertTrue(configs.size() >= 64 && collections >= 25, "checked " + configs.size() + " runs, " + collections + " in collections");
    }
}
