package org.softmaxzoo.train;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.softmaxzoo.data.DatasetKind;

/** The plan of a list of runs is read from hand-made run folders: each kind of folder counted as the grid would treat it. */
class RunPlanTest {
    @TempDir
    Path runs;

    private static final String MNIST = "mnist.softmax.weight_decay1e-3.feature2";
    private static final String FASHION = "fashion_mnist.softmax.weight_decay1e-3.feature2";

    @Test
    void countsFinishedCutAndUnstartedRunsAndTheEpochsLeftPerDataSet() throws IOException {
        // A stage of 10 epochs over seven runs, each folder made by hand.
        TrainConfig finished = stage(MNIST);
        TrainConfig cut = stage(MNIST + ".normweight");
        TrainConfig untouched = stage(FASHION);
        TrainConfig pastTheStage = stage(FASHION + ".normweight");
        TrainConfig damaged = stage(MNIST + ".normface.scale10");
        TrainConfig logWithoutCheckpoint = stage(MNIST + ".normface.scale20");
        TrainConfig trainedNotScored = stage(MNIST + ".normface.scale5");
        worklog(finished, 10);
        worklog(cut, 3);
        checkpoint(cut, 3);
        worklog(pastTheStage, 40); // a 40-epoch run, finished: nothing left for a 10-epoch stage
        worklog(damaged, 2);
        checkpoint(damaged, 2);
        Path file = RunFolder.of(runs, damaged).checkpointFile();
        Files.write(file, java.util.Arrays.copyOf(Files.readAllBytes(file), 10)); // truncated: the grid would fail it, not skip it
        worklog(logWithoutCheckpoint, 4); // without its checkpoint the run starts again from epoch 1
        worklog(trainedNotScored, 10);
        checkpoint(trainedNotScored, 10);

        List<TrainConfig> all = List.of(finished, cut, untouched, pastTheStage, damaged, logWithoutCheckpoint, trainedNotScored);
        Path unscored = RunFolder.of(runs, trainedNotScored).dir();
        RunPlan plan = RunPlan.of(all, runs, folder -> !folder.dir().equals(unscored));

        // finished: the 10-epoch run and the 40-epoch one; cut: epoch 3 of 10, and the trained run not yet scored (0 left);
        // not started: no folder, the damaged checkpoint, the worklog without a checkpoint.
        assertEquals(new RunPlan(2, 2, 3, Map.of(DatasetKind.MNIST, 7 + 10 + 10, DatasetKind.FASHION_MNIST, 10)), plan);
        assertEquals("7 runs: 2 finished, 2 cut, 3 not started; 37 epochs left (mnist 27, fashion_mnist 10)", plan.describe());
    }

    @Test
    void aListWithNothingLeftSaysSoWithoutADataSetList() throws IOException {
        TrainConfig done = stage(MNIST);
        worklog(done, 10);
        assertEquals("1 run: 1 finished, 0 cut, 0 not started; 0 epochs left", RunPlan.of(List.of(done), runs, f -> true).describe());
    }

    private static TrainConfig stage(String name) {
        return RunName.experiment(name).withEpochs(10);
    }

    private void worklog(TrainConfig config, int epochs) throws IOException {
        Files.createDirectories(RunFolder.of(runs, config).dir());
        List<EpochRecord> rows = new ArrayList<>();
        EpochRecord previous = null;
        for (int e = 1; e <= epochs; e++) {
            previous = EpochRecord.after(previous, e, 1.0 / e, 0.5, 0.5 + e / 100.0, 30, 2000);
            rows.add(previous);
        }
        Worklog.write(RunFolder.of(runs, config).worklogFile(), rows);
    }

    private void checkpoint(TrainConfig config, int epoch) {
        new Checkpoint(epoch, Map.of("w", new float[] {1, 2, 3})).write(RunFolder.of(runs, config).checkpointFile());
    }
}
