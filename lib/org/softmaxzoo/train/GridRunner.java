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
 * from the i-th), and a time budget stops the grid cleanly after the epoch that passes it.
 *
 * <p>An epoch override runs the grid in stages: {@code epochs = 10} takes every run to 10 epochs
 * and keeps their checkpoints; a later grid with the experiments' own epochs continues each from
 * there, producing the same numbers as an uninterrupted run.
 */
public final class GridRunner {

    /** What to run: experiments, this invocation's shard, budget, optional epoch override. */
    public record Options(List<String> experiments, int shardIndex, int shardCount, Duration budget, Integer epochs, Path runsDir,
                          boolean keepCheckpoints) {
        public Options {
            if (shardCount < 1 || shardIndex < 1 || shardIndex > shardCount) {
                throw new IllegalArgumentException("shard must be i/n with 1 <= i <= n, got " + shardIndex + "/" + shardCount);
            }
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

    /** Progress reports: run k of n, every epoch with an estimate of the time left for the shard. */
    public interface Progress {
        void skipped(int k, int n, TrainConfig config, RunResult finished);

        default void started(int k, int n, TrainConfig config, int fromEpoch, List<String> devices) {
        }

        void epoch(int k, int n, TrainConfig config, EpochRecord record, Duration eta);

        void stopped(int k, int n, TrainConfig config, Duration elapsed);
    }

    /** How many runs were finished before, finished now, or left unfinished when the budget ran out. */
    public record Outcome(int skipped, int finished, int unfinished) {
    }

    private GridRunner() {
    }

    public static Outcome run(Options options, Function<DatasetKind, Datasets.Split> data, Progress progress) {
        List<TrainConfig> configs = new ArrayList<>();
        List<Boolean> shortOfExperiment = new ArrayList<>();
        for (String name : options.shard()) {
            TrainConfig c = ExperimentName.parse(name);
            configs.add(options.epochs() != null ? c.withEpochs(options.epochs()) : c);
            shortOfExperiment.add(options.epochs() != null && options.epochs() < c.epochs());
        }
        Map<DatasetKind, Datasets.Split> loaded = new EnumMap<>(DatasetKind.class);
        long start = System.nanoTime();
        int[] epochsLeft = {configs.stream().mapToInt(c -> c.epochs() - doneEpochs(options.runsDir(), c)).sum()};
        int[] epochsDone = {0};
        int skipped = 0;
        int finished = 0;
        for (int k = 0; k < configs.size(); k++) {
            TrainConfig config = configs.get(k);
            Path runDir = options.runsDir().resolve(config.name());
            int index = k + 1;
            if (doneEpochs(options.runsDir(), config) >= config.epochs()) {
                progress.skipped(index, configs.size(), config, Trainer.run(config, null, runDir, new Trainer.Listener() {
                }));
                skipped++;
                continue;
            }
            boolean[] stopped = {false};
            RunResult result = Trainer.run(config, loaded.computeIfAbsent(config.dataset(), data), runDir, new Trainer.Listener() {
                @Override
                public void started(TrainConfig c, int fromEpoch, List<String> devices) {
                    progress.started(index, configs.size(), c, fromEpoch, devices);
                }

                @Override
                public void epochDone(TrainConfig c, EpochRecord r) {
                    epochsDone[0]++;
                    epochsLeft[0]--;
                    double perEpoch = (System.nanoTime() - start) / 1e9 / epochsDone[0];
                    progress.epoch(index, configs.size(), c, r, Duration.ofSeconds((long) (perEpoch * epochsLeft[0])));
                }

                @Override
                public boolean stopNow() {
                    stopped[0] = overBudget(options, start);
                    return stopped[0];
                }
            });
            if (!result.finished()) {
                progress.stopped(index, configs.size(), config, Duration.ofNanos(System.nanoTime() - start));
                return new Outcome(skipped, finished, configs.size() - skipped - finished);
            }
            finished++;
            // A run stopped short of its experiment's epochs keeps its checkpoint: a longer grid continues it.
            if (!options.keepCheckpoints() && !shortOfExperiment.get(k)) {
                deleteQuietly(runDir.resolve(Checkpoint.FILE));
            }
            if (k + 1 < configs.size() && overBudget(options, start)) {
                progress.stopped(index, configs.size(), config, Duration.ofNanos(System.nanoTime() - start));
                return new Outcome(skipped, finished, configs.size() - skipped - finished);
            }
        }
        return new Outcome(skipped, finished, 0);
    }

    private static boolean overBudget(Options options, long start) {
        return options.budget() != null && System.nanoTime() - start >= options.budget().toNanos();
    }

    /** Epochs a run has completed: its checkpoint's, else its worklog's when finished, else 0. */
    static int doneEpochs(Path runsDir, TrainConfig config) {
        Path dir = runsDir.resolve(config.name());
        if (Files.exists(dir.resolve(Checkpoint.FILE))) {
            return Checkpoint.read(dir.resolve(Checkpoint.FILE)).epoch();
        }
        List<EpochRecord> log = Worklog.read(dir.resolve(Worklog.FILE));
        int last = log.isEmpty() ? 0 : log.get(log.size() - 1).epoch();
        return last >= config.epochs() ? last : 0;
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (java.io.IOException e) {
            // A leftover checkpoint costs disk only.
        }
    }
}
