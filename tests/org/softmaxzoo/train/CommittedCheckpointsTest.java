package org.softmaxzoo.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.softmaxzoo.data.ImageSet;
import org.softmaxzoo.notebook.Notebook;
import org.softmaxzoo.report.ResultsSummary;

/**
 * Every committed checkpoint (kept so that a staged grid continues its run) can be continued: it ends where its
 * worklog ends, and it fits the graph of the configuration its run's name parses to, every variable restored
 * as stored. That the continued run then gives an uninterrupted run's numbers is {@code TrainerTest}'s
 * {@code runKilledMidEpochResumesToTheSameResult} and {@code ChaosIntegrationTest}.
 */
class CommittedCheckpointsTest {

    @Test
    void everyCommittedCheckpointResumesItsRun() throws IOException {
        Path runs = Notebook.projectDir().resolve("results").resolve("runs");
        List<Path> dirs;
        try (Stream<Path> files = Files.walk(runs)) {
            dirs = files.filter(p -> p.getFileName().toString().equals(Checkpoint.FILE)).map(Path::getParent).sorted().toList();
        }
        for (Path dir : dirs) {
            RunFolder folder = RunFolder.at(dir);
            RunName run = RunName.ofFolder(runs, dir);
            TrainConfig config = run.config();
            // An open-set run (.classes0-7) has a head for its seen classes only.
            ImageSet shape = new ImageSet(new float[28 * 28], new int[] {0}, 28, 28, run.classesTrained(10));
            List<EpochRecord> log = folder.worklog();
            Checkpoint saved = folder.checkpoint();
            assertEquals(log.get(log.size() - 1).epoch(), saved.epoch(), dir + ": checkpoint and worklog end together");
            assertEquals(saved.epoch(), ResumePoint.epoch(folder, saved, log), dir + ": resumes after its checkpoint");
            try (TrainingGraph g = folder.graph(config, shape)) {
                Map<String, float[]> restored = g.values();
                assertEquals(saved.values().keySet(), restored.keySet(), dir + ": variables");
                saved.values().forEach((name, v) -> assertArrayEquals(v, restored.get(name), dir + ": " + name));
            }
        }
        // Which checkpoints must be there, found without them: every top-level grid run short of the protocol's 40
        // epochs keeps its checkpoint (the grid drops it at 40), so the loop above cannot pass by finding none.
        List<Path> unfinished;
        try (Stream<Path> children = Files.list(runs)) {
            unfinished = children.filter(d -> d.getFileName().toString().matches("(mnist|fashion_mnist)\\..*")
                    && Files.exists(d.resolve(Worklog.FILE)) && Worklog.lastEpoch(RunFolder.at(d).worklog()) < ResultsSummary.PROTOCOL_EPOCHS).sorted().toList();
        }
        assertTrue(dirs.containsAll(unfinished), "grid runs short of 40 epochs without a committed checkpoint: "
                + unfinished.stream().filter(d -> !dirs.contains(d)).toList());
    }
}
