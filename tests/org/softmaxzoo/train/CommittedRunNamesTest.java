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
 * Every committed run named in the reference tables' style ({@link ExperimentName}, seeds included)
 * parses back to the configuration it was trained with: the name alone says what the run is.
 */
class CommittedRunNamesTest {
    private static final List<String> IDENTITY = List.of("dataset", "head", "feature_dim", "batch_size", "learning_rate",
            "weight_decay", "seed", "train_limit");

    @Test
    void everyReferenceStyleRunNameParsesToItsConfig() throws IOException {
        Path runs = Notebook.projectDir().resolve("results").resolve("runs");
        List<Path> configs;
        try (Stream<Path> files = Files.list(runs)) {
            configs = files.map(d -> d.resolve(RunFolder.CONFIG_FILE)).filter(Files::isRegularFile).sorted().toList();
        }
        int checked = 0;
        for (Path config : configs) {
            Properties stored = RunFolder.at(config.getParent()).config();
            String name = stored.getProperty("name");
            assertEquals(config.getParent().getFileName().toString(), name, config + ": folder and name differ");
            if (!name.contains(".softmax.weight_decay")) {
                continue; // a name made from a head spec, not a reference-table row
            }
            Properties parsed = ExperimentName.parse(name).identity();
            for (String key : IDENTITY) {
                assertEquals(stored.getProperty(key), parsed.getProperty(key), name + ": " + key);
            }
            checked++;
        }
        assertTrue(checked >= 27, "expected at least the MNIST table's 27 runs, checked " + checked);
    }
}
