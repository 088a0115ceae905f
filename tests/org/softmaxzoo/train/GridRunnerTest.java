package org.softmaxzoo.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.softmaxzoo.data.Datasets;
import org.softmaxzoo.testing.SyntheticImages;

class GridRunnerTest {
    @TempDir
    Path dir;

    private static final Datasets.Split DATA = SyntheticImages.split(128, 32, 3);
    private static final String BASE = "mnist.softmax.weight_decay1e-3.feature2";
    private static final List<String> FOUR = List.of(BASE, BASE + ".normweight", BASE + ".normface.scale10", BASE + ".amsoftmax.scale10.margin0.2");

    private final List<String> log = new ArrayList<>();
    private final List<Duration> etas = new ArrayList<>();

    /** What a test does after each epoch the recorder hears of. */
    private interface EpochHook {
        void run() throws IOException;
    }

    private EpochHook afterEachEpoch = () -> { };

    private final GridRunner.Progress recorder = new GridRunner.Progress() {
        @Override
        public void skipped(int k, int n, TrainConfig c, RunResult r) {
            log.add("skip " + k + "/" + n + " " + c.name());
        }

        @Override
        public void epoch(int k, int n, TrainConfig c, EpochRecord r, Duration eta) {
            log.add("epoch " + k + "/" + n + " " + c.name() + " " + r.epoch());
            etas.add(eta);
            try {
                afterEachEpoch.run();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public void heldElsewhere(int k, int n, TrainConfig c) {
            log.add("held " + k + "/" + n + " " + c.name());
        }

        @Override
        public void stopped(int k, int n, TrainConfig c, Duration elapsed, String reason) {
            log.add("stop " + k + "/" + n + " " + c.name() + ": " + reason);
        }
    };

    private GridRunner.Options options(Path runs, int i, int n, Duration budget) {
        return new GridRunner.Options(FOUR, i, n, budget == null ? null : GridRunner.StopWhen.after(budget), 2, runs, false, false);
    }

    @Test
    void shardsSplitTheListAndFinishedRunsAreSkipped() throws Exception {
        Path runs = dir.resolve("runs");
        assertEquals(new GridRunner.Outcome(0, 2, 0, 0), GridRunner.run(options(runs, 1, 2, null), k -> DATA, recorder));
        assertTrue(Files.exists(runs.resolve(FOUR.get(0)).resolve(Worklog.FILE)));
        assertTrue(Files.exists(runs.resolve(FOUR.get(2)).resolve(Worklog.FILE)));
        assertFalse(Files.exists(runs.resolve(FOUR.get(1))));
        assertTrue(Files.exists(runs.resolve(FOUR.get(0)).resolve(Checkpoint.FILE)), "2 of 40 epochs: the checkpoint stays for later");
        String worklog = Files.readString(runs.resolve(FOUR.get(0)).resolve(Worklog.FILE));
        log.clear();
        assertEquals(new GridRunner.Outcome(2, 0, 0, 0), GridRunner.run(options(runs, 1, 2, null), k -> DATA, recorder));
        assertEquals(List.of("skip 1/2 " + FOUR.get(0), "skip 2/2 " + FOUR.get(2)), log);
        assertEquals(worklog, Files.readString(runs.resolve(FOUR.get(0)).resolve(Worklog.FILE)));
    }

    @Test
    void budgetStopsBetweenEpochsAndTheNextCallFinishesTheSameRuns() {
        Path cut = dir.resolve("cut");
        assertEquals(new GridRunner.Outcome(0, 0, 2, 0), GridRunner.run(options(cut, 2, 2, Duration.ZERO), k -> DATA, recorder));
        assertEquals(List.of("epoch 1/2 " + FOUR.get(1) + " 1", "stop 1/2 " + FOUR.get(1) + ": budget of 0 min reached"), log);
        assertEquals(1, Worklog.read(cut.resolve(FOUR.get(1)).resolve(Worklog.FILE)).size());
        assertEquals(new GridRunner.Outcome(0, 2, 0, 0), GridRunner.run(options(cut, 2, 2, null), k -> DATA, recorder));
        Path whole = dir.resolve("whole");
        GridRunner.run(options(whole, 2, 2, null), k -> DATA, recorder);
        for (String name : List.of(FOUR.get(1), FOUR.get(3))) {
            assertEquals(Worklog.read(whole.resolve(name).resolve(Worklog.FILE)).stream().map(EpochRecord::trainLoss).toList(),
                    Worklog.read(cut.resolve(name).resolve(Worklog.FILE)).stream().map(EpochRecord::trainLoss).toList(), name);
        }
    }

    @Test
    void aStopFileStopsAfterTheCurrentEpochAndMustNotExistAtTheStart() {
        Path runs = dir.resolve("stopped");
        Path stopFile = dir.resolve("STOP");
        GridRunner.Options options = new GridRunner.Options(FOUR, 1, 1, new GridRunner.StopWhen(null, stopFile), 2, runs, false, false);
        afterEachEpoch = () -> Files.writeString(stopFile, "");
        assertEquals(new GridRunner.Outcome(0, 0, 4, 0), GridRunner.run(options, k -> DATA, recorder));
        assertEquals(List.of("epoch 1/4 " + FOUR.get(0) + " 1", "stop 1/4 " + FOUR.get(0) + ": stop file " + stopFile + " found"), log);
        assertEquals(1, Worklog.read(runs.resolve(FOUR.get(0)).resolve(Worklog.FILE)).size(), "the epoch under way was finished and kept");
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> GridRunner.run(options, k -> DATA, recorder));
        assertTrue(e.getMessage().contains(stopFile.toString()), e.getMessage());
    }

    @Test
    void aLongerGridContinuesAStagedRunToTheSameNumbersAsAnUninterruptedOne() {
        List<String> one = List.of(FOUR.get(1));
        Path staged = dir.resolve("staged");
        GridRunner.run(new GridRunner.Options(one, 1, 1, null, 1, staged, false, false), k -> DATA, recorder);
        log.clear();
        assertEquals(new GridRunner.Outcome(0, 1, 0, 0),
                GridRunner.run(new GridRunner.Options(one, 1, 1, null, 3, staged, false, false), k -> DATA, recorder));
        assertEquals(List.of("epoch 1/1 " + one.get(0) + " 2", "epoch 1/1 " + one.get(0) + " 3"), log, "resumed after epoch 1");
        Path whole = dir.resolve("whole3");
        GridRunner.run(new GridRunner.Options(one, 1, 1, null, 3, whole, false, false), k -> DATA, recorder);
        assertEquals(Worklog.read(whole.resolve(one.get(0)).resolve(Worklog.FILE)).stream().map(EpochRecord::trainLoss).toList(),
                Worklog.read(staged.resolve(one.get(0)).resolve(Worklog.FILE)).stream().map(EpochRecord::trainLoss).toList());
    }

    @Test
    void theEtaCountsNothingForARunAlreadyPastTheStagesEpochs() {
        Path runs = dir.resolve("eta");
        List<String> two = FOUR.subList(0, 2);
        GridRunner.run(new GridRunner.Options(two.subList(0, 1), 1, 1, null, 3, runs, false, false), k -> DATA, recorder);
        etas.clear();
        GridRunner.run(new GridRunner.Options(two, 1, 1, null, 1, runs, false, false), k -> DATA, recorder);
        assertEquals(List.of(Duration.ZERO), etas, "after the one epoch this stage had to run, nothing is left");
    }

    @Test
    void aRunThatReachesItsExperimentsEpochsDropsItsCheckpoint() {
        Path runs = dir.resolve("full");
        List<String> one = List.of(FOUR.get(0));
        assertEquals(new GridRunner.Outcome(0, 1, 0, 0),
                GridRunner.run(new GridRunner.Options(one, 1, 1, null, null, runs, false, false), k -> DATA, recorder));
        assertEquals(TrainConfig.EPOCHS, Worklog.read(runs.resolve(one.get(0)).resolve(Worklog.FILE)).size());
        assertFalse(Files.exists(runs.resolve(one.get(0)).resolve(Checkpoint.FILE)), "finished runs drop their checkpoint");
    }

    @Test
    void onlyARunAtItsExperimentsLastEpochIsReportedAsReachingTheEndWithItsCheckpointStillThere() {
        Path runs = dir.resolve("ends");
        List<String> one = List.of(FOUR.get(1));
        List<String> ends = new ArrayList<>();
        GridRunner.Progress watcher = new GridRunner.Progress() {
            @Override
            public void skipped(int k, int n, TrainConfig c, RunResult r) {
            }

            @Override
            public void epoch(int k, int n, TrainConfig c, EpochRecord r, Duration eta) {
            }

            @Override
            public void reachedEnd(int k, int n, TrainConfig c, RunResult r, RunFolder folder, Datasets.Split data) {
                ends.add(c.name() + " epoch " + r.last().epoch() + " checkpoint " + folder.hasCheckpoint() + " test " + data.test().size());
            }

            @Override
            public void stopped(int k, int n, TrainConfig c, Duration elapsed, String reason) {
            }
        };
        GridRunner.run(new GridRunner.Options(one, 1, 1, null, 2, runs, false, false), k -> DATA, watcher);
        assertEquals(List.of(), ends, "a 2-epoch stage of a 40-epoch experiment is not its end");
        GridRunner.run(new GridRunner.Options(one, 1, 1, null, null, runs, false, false), k -> DATA, watcher);
        assertEquals(List.of(one.get(0) + " epoch " + TrainConfig.EPOCHS + " checkpoint true test 32"), ends);
        assertFalse(Files.exists(runs.resolve(one.get(0)).resolve(Checkpoint.FILE)), "dropped after the listener ran");
        GridRunner.run(new GridRunner.Options(one, 1, 1, null, null, runs, false, false), k -> DATA, watcher);
        assertEquals(1, ends.size(), "a run finished before is skipped, not reported again");
    }

    @Test
    void withClaimsAGridLeavesARunHeldByAnotherAndTakesItOnceReleased() {
        Path runs = dir.resolve("shared");
        List<String> two = FOUR.subList(0, 2);
        GridRunner.Options claiming = new GridRunner.Options(two, 1, 1, null, 1, runs, false, true);
        try (RunLock other = otherThreadHolds(runs.resolve(two.get(0)))) {
            assertTrue(other != null);
            assertEquals(null, RunLock.tryAcquire(runs.resolve(two.get(0))), "a held run cannot be claimed twice");
            assertEquals(new GridRunner.Outcome(0, 1, 0, 1), GridRunner.run(claiming, k -> DATA, recorder));
        }
        assertEquals(List.of("held 1/2 " + two.get(0), "epoch 2/2 " + two.get(1) + " 1"), log);
        assertFalse(Files.exists(runs.resolve(two.get(0)).resolve(Worklog.FILE)), "the held run was not touched");
        log.clear();
        assertEquals(new GridRunner.Outcome(1, 1, 0, 0), GridRunner.run(claiming, k -> DATA, recorder));
        assertEquals(List.of("epoch 1/2 " + two.get(0) + " 1", "skip 2/2 " + two.get(1)), log);
    }

    /** The run's lock taken by another thread, as another grid process would hold it. */
    static RunLock otherThreadHolds(Path runDir) {
        RunLock[] held = new RunLock[1];
        Thread t = new Thread(() -> held[0] = RunLock.tryAcquire(runDir));
        t.start();
        try {
            t.join();
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
        return held[0];
    }

    @Test
    void refusesABadShard() {
        assertThrows(IllegalArgumentException.class, () -> options(dir, 3, 2, null));
    }
}
