package org.softmaxzoo.train;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.softmaxzoo.data.DatasetKind;
import org.softmaxzoo.data.Datasets;

/**
 * Runs a list of experiments, one folder each under a runs folder: finished runs are skipped, a run
 * cut off mid-way resumes, the list can be split into shards ({@code i/n} takes every n-th experiment
 * from the i-th), and a time budget or a stop file stops the grid cleanly after the current epoch.
 *
 * <p>With claims, several grid processes share one list: each walks it in order and trains the next
 * unfinished run that no other holds ({@link RunLock}), so the work balances itself where fixed shards
 * would leave one process idle while the other still has long runs.
 *
 * <p>An epoch override runs the grid in stages: {@code epochs = 10} takes every run to 10 epochs
 * and keeps their checkpoints; a later grid with the experiments' own epochs continues each from
 * there, producing the same numbers as an uninterrupted run.
 */
public final class GridRunner {

    /** What to run: experiments, this invocation's shard, when to stop early, optional epoch override. */
    public record Options(List<String> experiments, int shardIndex, int shardCount, StopWhen stop, Integer epochs, Path runsDir,
                          boolean keepCheckpoints, boolean claim) {
        public Options {
            if (shardCount < 1 || shardIndex < 1 || shardIndex > shardCount) {
                throw new IllegalArgumentException("shard must be i/n with 1 <= i <= n, got " + shardIndex + "/" + shardCount);
            }
            stop = stop == null ? StopWhen.NEVER : stop;
        }

        List<String> shard() {
            List<String> mine = new ArrayList<>();
            for (int i = 0; i < experiments.size(); i++) {
                if (i % shardCount == shardIndex - 1) {
                    mine.add(experiments.get(i));
                }
            }
            return mine;
        }
    }

    /**
     * When a grid stops before its list is done, always after a whole epoch: once {@code budget} has passed
     * (null: no budget), or once {@code file} exists (null: none), which is how one stops grid processes
     * running in the background without losing the epoch under way.
     */
    public record StopWhen(Duration budget, Path file) {
        public static final StopWhen NEVER = new StopWhen(null, null);

        public static StopWhen after(Duration budget) {
            return new StopWhen(budget, null);
        }

        /** Why to stop now, or null to go on. */
        public String reason(Duration elapsed) {
            if (budget != null && elapsed.compareTo(budget) >= 0) {
                return "budget of " + budget.toMinutes() + " min reached";
            }
            return file != null && Files.exists(file) ? "stop file " + file + " found" : null;
        }

        /** Refuses to start while the stop file is there already: left by an earlier stop, it would stop this run at once. */
        public StopWhen requireNoLeftoverStopFile() {
            if (file != null && Files.exists(file)) {
                throw new IllegalStateException("stop file " + file + " exists (left by an earlier stop?): remove it to start");
            }
            return this;
        }
    }

    /** Progress reports: run k of n, every epoch with an estimate of the time left for the shard. */
    public interface Progress {
        void skipped(int k, int n, TrainConfig config, RunResult finished);

        default void started(int k, int n, TrainConfig config, int fromEpoch, List<String> devices) {
        }

        /** Another grid process holds this run (only with claims). */
        default void heldElsewhere(int k, int n, TrainConfig config) {
        }

        void epoch(int k, int n, TrainConfig config, EpochRecord record, Duration eta);

        /**
         * Run {@code k} has just reached its experiment's last epoch (not a stage's); its checkpoint is still there,
         * so a listener can draw from the trained network before the grid drops it.
         */
        default void reachedEnd(int k, int n, TrainConfig config, RunResult result, RunFolder folder, Datasets.Split data) {
        }

        /** Run {@code k} cannot be trained ({@code why} names the file and the problem); the grid goes on with the others. */
        default void failed(int k, int n, TrainConfig config, RuntimeException why) {
        }

        /** The grid stops before the end of its list, after {@code k}'s latest epoch, for {@code reason}. */
        void stopped(int k, int n, TrainConfig config, Duration elapsed, String reason);
    }

    /**
     * How many runs were finished before, finished now, left unfinished when the budget ran out, left
     * to another grid process that held them, or failed (bad files, a held run without claims, a diverged loss).
     */
    public record Outcome(int skipped, int finished, int unfinished, int heldElsewhere, int failed) {
        public Outcome(int skipped, int finished, int unfinished, int heldElsewhere) {
            this(skipped, finished, unfinished, heldElsewhere, 0);
        }
    }

    private GridRunner() {
    }

    /** What the shard still needs, without training: finished, cut and unstarted runs, epochs left. */
    public static RunPlan plan(Options options) {
        return plan(stageConfigs(options), options);
    }

    /** A grid's run is finished once it has its epochs (verify's runs must also be scored). */
    private static RunPlan plan(List<TrainConfig> configs, Options options) {
        return RunPlan.of(configs, options.runsDir(), folder -> true);
    }

    public static Outcome run(Options options, Function<DatasetKind, Datasets.Split> data, Progress progress) {
        options.stop().requireNoLeftoverStopFile();
        List<TrainConfig> configs = stageConfigs(options);
        List<Boolean> shortOfExperiment = options.shard().stream()
                .map(name -> options.epochs() != null && options.epochs() < RunName.experiment(name).epochs()).toList();
        Map<DatasetKind, Datasets.Split> loaded = new EnumMap<>(DatasetKind.class);
        Clock clock = new Clock(options.stop(), plan(configs, options).totalEpochsLeft());
        int skipped = 0;
        int finished = 0;
        int held = 0;
        int failed = 0;
        for (int k = 0; k < configs.size(); k++) {
            TrainConfig config = configs.get(k);
            RunFolder folder = RunFolder.of(options.runsDir(), config);
            int index = k + 1;
            try {
                RunStep step = runOne(options, config, folder, index, configs.size(), shortOfExperiment.get(k), clock, loaded, data, progress);
                if (step == RunStep.SKIPPED) {
                    skipped++;
                } else if (step == RunStep.HELD) {
                    held++;
                } else if (step == RunStep.FINISHED) {
                    finished++;
                } else {
                    progress.stopped(index, configs.size(), config, clock.elapsed(), clock.stopReason());
                    return new Outcome(skipped, finished, configs.size() - skipped - finished - held - failed, held, failed);
                }
            } catch (IllegalStateException | java.io.UncheckedIOException | TrainingDivergedException e) {
                // One bad run (a damaged file, a run in use, a diverged loss) does not stop the others.
                progress.failed(index, configs.size(), config, e);
                failed++;
            }
            if (k + 1 < configs.size() && clock.stopReason() != null) {
                progress.stopped(index, configs.size(), config, clock.elapsed(), clock.stopReason());
                return new Outcome(skipped, finished, configs.size() - skipped - finished - held - failed, held, failed);
            }
        }
        return new Outcome(skipped, finished, 0, held, failed);
    }

    /** The shard's runs, each with the epochs this stage takes it to (the experiment's own unless overridden). */
    private static List<TrainConfig> stageConfigs(Options options) {
        return options.shard().stream().map(RunName::experiment)
                .map(c -> options.epochs() != null ? c.withEpochs(options.epochs()) : c).toList();
    }

    private enum RunStep { SKIPPED, HELD, FINISHED, STOPPED }

    /** Takes one run of the list as far as it goes: skipped when finished, left when held, trained otherwise. */
    private static RunStep runOne(Options options, TrainConfig config, RunFolder folder, int index, int total, boolean shortOfExperiment,
                                  Clock clock, Map<DatasetKind, Datasets.Split> loaded, Function<DatasetKind, Datasets.Split> data,
                                  Progress progress) {
        int done = folder.doneEpochs(config.epochs());
        if (done >= config.epochs()) {
            reportFinished(index, total, config, folder, progress);
            return RunStep.SKIPPED;
        }
        try (RunLock claim = options.claim() ? folder.tryLock() : null) {
            if (options.claim() && claim == null) {
                clock.leftToOthers(config.epochs() - done);
                progress.heldElsewhere(index, total, config);
                return RunStep.HELD;
            }
            // Another process may have finished it between the check above and the claim.
            if (folder.doneEpochs(config.epochs()) >= config.epochs()) {
                reportFinished(index, total, config, folder, progress);
                return RunStep.SKIPPED;
            }
            Datasets.Split split = loaded.computeIfAbsent(config.dataset(), data);
            RunResult result = Trainer.train(config, split, folder, new Trainer.Listener() {
                @Override
                public void started(TrainConfig c, int fromEpoch, List<String> devices) {
                    progress.started(index, total, c, fromEpoch, devices);
                }

                @Override
                public void epochDone(TrainConfig c, EpochRecord r) {
                    progress.epoch(index, total, c, r, clock.epochDone());
                }

                @Override
                public boolean stopNow() {
                    return clock.stopReason() != null;
                }
            });
            if (!result.finished()) {
                return RunStep.STOPPED;
            }
            // A run stopped short of its experiment's epochs keeps its checkpoint: a longer grid continues it.
            if (!shortOfExperiment) {
                progress.reachedEnd(index, total, config, result, folder, split);
                if (!options.keepCheckpoints()) {
                    folder.deleteCheckpoint();
                }
            }
            return RunStep.FINISHED;
        }
    }

    /** Reads a finished run's worklog, without the run lock: another grid process may be reading it too. */
    private static void reportFinished(int k, int n, TrainConfig config, RunFolder folder, Progress progress) {
        progress.skipped(k, n, config, folder.load(config));
    }

    /** The grid's time: elapsed, whether to stop, and the estimate of what is left from the epochs done so far. */
    private static final class Clock {
        private final long start = System.nanoTime();
        private final StopWhen stop;
        private int epochsLeft;
        private int epochsDone;

        Clock(StopWhen stop, int epochsLeft) {
            this.stop = stop;
            this.epochsLeft = epochsLeft;
        }

        Duration elapsed() {
            return Duration.ofNanos(System.nanoTime() - start);
        }

        String stopReason() {
            return stop.reason(elapsed());
        }

        void leftToOthers(int epochs) {
            epochsLeft -= epochs;
        }

        /** Counts an epoch and returns the estimated time for the epochs left. */
        Duration epochDone() {
            epochsDone++;
            epochsLeft--;
            return elapsed().multipliedBy(epochsLeft).dividedBy(epochsDone);
        }
    }
}
