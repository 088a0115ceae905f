package org.softmaxzoo.train;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.softmaxzoo.data.Datasets;
import org.softmaxzoo.data.ImageSet;
import org.softmaxzoo.heads.Heads;
import org.softmaxzoo.model.Networks;

/**
 * Trains a run in its {@link RunFolder}: writes {@code config.properties}, one worklog row per epoch and a
 * checkpoint of all variables after each completed epoch, and the machine it trains on when that changes
 * ({@link MachineLog}). A run that was cut off resumes from its
 * checkpoint and produces the same numbers as an uninterrupted one; a finished run is not trained again.
 * Reading a finished run back, without data, is {@link RunFolder#finished} / {@link RunFolder#load}.
 */
public final class Trainer {

    /** Hooks for progress display; all optional. */
    public interface Listener {
        default void started(TrainConfig config, int fromEpoch, List<String> devices) {
        }

        default void step(int epoch, int step, int steps) {
        }

        default void epochDone(TrainConfig config, EpochRecord record) {
        }

        /** Asked after each completed (and saved) epoch: true stops the run there, to be resumed later. */
        default boolean stopNow() {
            return false;
        }
    }

    private Trainer() {
    }

    /** As {@link #train(TrainConfig, Datasets.Split, RunFolder, Listener)} for the folder at {@code runDir}. */
    public static RunResult train(TrainConfig config, Datasets.Split data, Path runDir, Listener listener) {
        return train(config, data, RunFolder.at(runDir), listener);
    }

    /**
     * Trains (or resumes) the run in {@code folder} to its epochs, holding the folder's {@link RunLock}
     * throughout: a second trainer of the same folder gets a {@link RunInUseException} naming the holder.
     * Returns the worklog's rows; a run already finished is returned as it is.
     */
    public static RunResult train(TrainConfig config, Datasets.Split data, RunFolder folder, Listener listener) {
        Objects.requireNonNull(data, "data: training needs its data; read a finished run with RunFolder.finished");
        try (RunLock lock = folder.lock()) {
            return trainLocked(config, data, folder, listener);
        }
    }

    private static RunResult trainLocked(TrainConfig config, Datasets.Split data, RunFolder folder, Listener listener) {
        folder.removeLeftovers();
        folder.checkOrWriteConfig(config, data.provenance());
        List<EpochRecord> logged = folder.worklog();
        Checkpoint checkpoint = folder.hasCheckpoint() ? folder.checkpoint() : null;
        if (checkpoint == null && !logged.isEmpty() && logged.get(logged.size() - 1).epoch() >= config.epochs()) {
            // A finished worklog (committed without its checkpoint) is a result: never train over it.
            return new RunResult(config, folder.dir(), logged);
        }
        Path runDir = folder.dir();
        int resumedAt = ResumePoint.epoch(folder, checkpoint, logged);
        // The row past the checkpoint belongs to an epoch whose checkpoint was never written: it is redone.
        List<EpochRecord> records = new ArrayList<>(logged.stream().filter(r -> r.epoch() <= resumedAt).toList());
        int done = resumedAt;
        if (done >= config.epochs()) {
            return new RunResult(config, runDir, records);
        }
        ImageSet train = config.trainLimit() > 0 ? data.train().limit(config.trainLimit()) : data.train();
        try (TrainingGraph g = build(config, train)) {
            if (checkpoint != null) {
                g.restore(checkpoint.values());
            }
            for (int epoch = done + 1; epoch <= config.epochs(); epoch++) {
                long start = System.nanoTime();
                EpochTotals totals = trainEpoch(g, train, config, epoch, done, epoch == resumedAt + 1, runDir, listener);
                double trainSeconds = (System.nanoTime() - start) / 1e9;
                // between-epoch head state (a sub-centre drop) goes into this epoch's checkpoint, and resumes from it
                g.afterEpoch(epoch, train);
                double testAccuracy = g.accuracy(data.test());
                double seconds = (System.nanoTime() - start) / 1e9;
                EpochRecord record = EpochRecord.after(records.isEmpty() ? null : records.get(records.size() - 1), epoch,
                        totals.lossSum() / train.size(), totals.correct() / train.size(), testAccuracy, seconds,
                        train.size() / trainSeconds);
                records.add(record);
                if (epoch == resumedAt + 1) {
                    // The devices are known once a step has run; an epoch redone after a crash replaces this row.
                    folder.recordMachine(epoch, g.machine());
                }
                // Worklog first, checkpoint second: a crash in between leaves a row that the resume drops and redoes.
                folder.writeWorklog(records);
                folder.writeCheckpoint(new Checkpoint(epoch, g.values()));
                done = epoch;
                listener.epochDone(config, record);
                if (epoch < config.epochs() && listener.stopNow()) {
                    break;
                }
            }
        }
        return new RunResult(config, runDir, records);
    }

    private record EpochTotals(double lossSum, double correct) {
    }

    /** One pass over the training set in the epoch's order; stops the run on a non-finite loss. */
    private static EpochTotals trainEpoch(TrainingGraph g, ImageSet train, TrainConfig config, int epoch, int lastSaved,
                                          boolean firstOfRun, Path runDir, Listener listener) {
        int[] order = Shuffle.permutation(train.size(), config.seed(), epoch);
        int steps = (train.size() + config.batchSize() - 1) / config.batchSize();
        double lossSum = 0;
        double correct = 0;
        float[] px = new float[config.batchSize() * train.imageSize()];
        int[] lb = new int[config.batchSize()];
        for (int step = 0; step < steps; step++) {
            int from = step * config.batchSize();
            int n = Math.min(config.batchSize(), train.size() - from);
            for (int k = 0; k < n; k++) {
                int idx = order[from + k];
                System.arraycopy(train.pixels(), idx * train.imageSize(), px, k * train.imageSize(), train.imageSize());
                lb[k] = train.labels()[idx];
            }
            TrainingGraph.StepResult r = g.train(px, lb, n);
            if (!Float.isFinite(r.loss())) {
                throw new TrainingDivergedException(String.format(
                        "%s: loss became %s at epoch %d, step %d of %d; the run stopped and kept the checkpoint "
                                + "of epoch %d in %s", config.name(), r.loss(), epoch, step + 1, steps, lastSaved, runDir));
            }
            if (step == 0 && firstOfRun) {
                listener.started(config, epoch, g.devices());
            }
            lossSum += (double) r.loss() * n;
            correct += r.correct();
            listener.step(epoch, step + 1, steps);
        }
        return new EpochTotals(lossSum, correct);
    }

    /** The graph of a configuration, with freshly initialised variables. */
    public static TrainingGraph build(TrainConfig config, ImageSet shapeOf) {
        return new TrainingGraph(Networks.create(config.network(), config.featureDim(), shapeOf.height()), Heads.create(config.head()),
                shapeOf.numClasses(), shapeOf.height(), config.learningRate(), config.weightDecay(), config.seed());
    }
}
