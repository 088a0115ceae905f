package org.softmaxzoo.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.softmaxzoo.data.Datasets;
import org.softmaxzoo.testing.SyntheticImages;

/** A bad member of a grid's list is reported, naming its file, and the grid goes on with the others. */
class GridGoesOnTest {
    @TempDir
    Path dir;

    private static final Datasets.Split DATA = SyntheticImages.split(64, 16, 3);
    private static final String BASE = "mnist.softmax.weight_decay1e-3.feature2";
    private static final List<String> THREE = List.of(BASE, BASE + ".normweight", BASE + ".normface.scale10");

    @Test
    void aTruncatedCheckpointFailsItsRunOnly() throws IOException {
        Path runs = dir.resolve("runs");
        List<String> events = new ArrayList<>();
        GridRunner.Progress progress = new GridRunner.Progress() {
            @Override
            public void skipped(int k, int n, TrainConfig c, RunResult r) {
            }

            @Override
            public void epoch(int k, int n, TrainConfig c, EpochRecord r, Duration eta) {
                events.add("epoch " + k + " " + r.epoch());
            }

            @Override
            public void failed(int k, int n, TrainConfig c, RuntimeException why) {
                events.add("failed " + k + ": " + why.getMessage());
            }

            @Override
            public void stopped(int k, int n, TrainConfig c, Duration elapsed, String reason) {
            }
        };
        // Stage 1: every run to 1 epoch, keeping checkpoints; then the first run's checkpoint is cut short.
        GridRunner.run(new GridRunner.Options(THREE, 1, 1, null, 1, runs, true, false), k -> DATA, progress);
        Path checkpoint = runs.resolve(THREE.get(0)).resolve(Checkpoint.FILE);
        byte[] bytes = Files.readAllBytes(checkpoint);
        Files.write(checkpoint, Arrays.copyOf(bytes, bytes.length / 2));
        events.clear();
        GridRunner.Outcome outcome = GridRunner.run(new GridRunner.Options(THREE, 1, 1, null, 2, runs, true, false), k -> DATA, progress);
        assertEquals(new GridRunner.Outcome(0, 2, 0, 0, 1), outcome);
        assertEquals(3, events.size(), events.toString());
        assertTrue(events.get(0).startsWith("failed 1: " + checkpoint + ": truncated checkpoint"), events.get(0));
        assertEquals(List.of("epoch 2 2", "epoch 3 2"), events.subList(1, 3));
    }
}
