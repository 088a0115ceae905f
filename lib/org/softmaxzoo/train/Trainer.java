package org.softmaxzoo.train;

import java.io.IOException;
import java.io.Reader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.TreeSet;
import org.softmaxzoo.data.Datasets;
import org.softmaxzoo.data.ImageSet;
import org.softmaxzoo.data.Provenance;
import org.softmaxzoo.heads.Heads;
import org.softmaxzoo.heads.spec.SpecHistory;
import org.softmaxzoo.model.Networks;

/**
 * Runs a configuration in its own folder: {@code config.properties}, {@code worklog.csv} (one row per
 * epoch) and {@code checkpoint.bin} (all variables after the last completed epoch). A run that was
 * cut off resumes from its checkpoint and produces the same numbers as an uninterrupted one; a
 * finished run is not trained again.
 */
public final class Trainer {
    public static final String CONFIG_FILE = "config.properties";

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

    /**
     * Trains the run in {@code runDir} to its epochs, holding the folder's {@link RunLock} throughout: a
     * second trainer of the same folder gets a {@link RunInUseException} naming the holder.
     */
    public static RunResult run(TrainConfig config, Datasets.Split data, Path runDir, Listener listener) {
        try (RunLock lock = RunLock.acquire(runDir)) {
            return runLocked(config, data, runDir, listener);
        }
    }

    private static RunResult runLocked(TrainConfig config, Datasets.Split data, Path runDir, Listener listener) {
        AtomicFiles.removeLeftovers(runDir, Checkpoint.FILE, Worklog.FILE, CONFIG_FILE);
        checkOrWriteConfig(config, data == null ? null : data.provenance(), runDir);
        Path worklogFile = runDir.resolve(Worklog.FILE);
        Path checkpointFile = runDir.resolve(Checkpoint.FILE);
        List<EpochRecord> logged = Worklog.read(worklogFile);
        Checkpoint checkpoint = Files.exists(checkpointFile) ? Checkpoint.read(checkpointFile) : null;
        if (checkpoint == null && !logged.isEmpty() && logged.get(logged.size() - 1).epoch() >= config.epochs()) {
            // A finished worklog (committed without its checkpoint) is a result: never train over it.
            return new RunResult(config, runDir, logged);
        }
        int resumedAt = ResumePoint.epoch(runDir, checkpoint, logged);
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
                double testAccuracy = g.accuracy(data.test());
                double seconds = (System.nanoTime() - start) / 1e9;
                EpochRecord record = EpochRecord.after(records.isEmpty() ? null : records.get(records.size() - 1), epoch,
                        totals.lossSum() / train.size(), totals.correct() / train.size(), testAccuracy, seconds,
                        train.size() / trainSeconds);
                records.add(record);
                // Worklog first, checkpoint second: a crash in between leaves a row that the resume drops and redoes.
                Worklog.write(worklogFile, records);
                new Checkpoint(epoch, g.values()).write(checkpointFile);
                done = epoch;
                listener.epochDone(config, record);
                if (epoch < config.epochs() && listener.stopNow()) {
                    break;
                }
            }
        }
        return new RunResult(config, runDir, records);
    }

    /**
     * Starts a run folder over: its worklog and checkpoint are renamed to {@code <file>.bak-<time>} (kept, never
     * deleted), so that the next {@link #run} trains from scratch. Returns the backups made.
     */
    public static List<Path> restart(Path runDir) {
        try (RunLock lock = RunLock.acquire(runDir)) {
            String suffix = ".bak-" + java.time.LocalDateTime.now().format(java.time.format.DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
            List<Path> backups = new ArrayList<>();
            for (String name : List.of(Worklog.FILE, Checkpoint.FILE)) {
                Path file = runDir.resolve(name);
                if (Files.exists(file)) {
                    Path backup = runDir.resolve(name + suffix);
                    Files.move(file, backup);
                    backups.add(backup);
                }
            }
            return backups;
        } catch (IOException e) {
            throw new UncheckedIOException(runDir + ": cannot back up the run's files (" + e.getMessage() + ")", e);
        }
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

    /** The graph of a run with the variables of its last checkpoint, for features and plots. */
    public static TrainingGraph load(TrainConfig config, ImageSet shapeOf, Path runDir) {
        Path file = runDir.resolve(Checkpoint.FILE);
        if (!Files.exists(file)) {
            throw new IllegalStateException(runDir + ": no checkpoint; train the run first");
        }
        TrainingGraph g = build(config, shapeOf);
        g.restore(Checkpoint.read(file).values());
        return g;
    }

    /** A run folder's {@value #CONFIG_FILE}: empty when the run has none yet. */
    public static Properties readConfig(Path runDir) {
        Path file = runDir.resolve(CONFIG_FILE);
        Properties p = new Properties();
        if (!Files.exists(file)) {
            return p;
        }
        try (Reader r = Files.newBufferedReader(file)) {
            p.load(r);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        return p;
    }

    /**
     * Recorded heads compare by meaning: the record read as it was trained ({@link SpecHistory#asTrained}),
     * both sides in canonical form.
     */
    private static boolean sameHead(String key, Properties existing, Properties wanted) {
        if (!key.equals("head") || existing.getProperty(key) == null) {
            return false;
        }
        try {
            return Heads.create(SpecHistory.asTrained(existing.getProperty(key))).spec()
                    .equals(Heads.create(wanted.getProperty(key)).spec());
        } catch (RuntimeException e) {
            return false; // a record that no longer parses is a different run
        }
    }

    /**
     * Writes a new run's configuration, with the content hashes of its data; refuses to continue a run of
     * another configuration or of other data. {@code provenance} null: reading a run back, no data at hand.
     */
    private static void checkOrWriteConfig(TrainConfig config, Provenance provenance, Path runDir) {
        Path file = runDir.resolve(CONFIG_FILE);
        Properties wanted = config.identity();
        if (provenance != null) {
            provenance.properties().forEach(wanted::setProperty);
        }
        if (Files.exists(file)) {
            Properties existing = readConfig(runDir);
            if (provenance != null && provenance.recorded() && !existing.containsKey(Provenance.OFFICIAL_KEY)) {
                throw new IllegalStateException(runDir + " was trained before runs recorded their data (no "
                        + Provenance.OFFICIAL_KEY + " in " + CONFIG_FILE + "), so its data cannot be checked; move that folder "
                        + "away to train the run again");
            }
            TreeSet<String> differing = new TreeSet<>();
            for (String key : wanted.stringPropertyNames()) {
                if (!wanted.getProperty(key).equals(existing.getProperty(key)) && !sameHead(key, existing, wanted)) {
                    differing.add(key + ": run has " + existing.getProperty(key) + ", asked " + wanted.getProperty(key));
                }
            }
            if (!differing.isEmpty()) {
                throw new IllegalStateException(runDir + " holds a different run (" + String.join("; ", differing)
                        + "); choose another --out or remove that folder");
            }
            return;
        }
        StringWriter w = new StringWriter();
        try {
            wanted.store(w, "softmax-zoo run configuration (epochs may grow on resume)");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        AtomicFiles.writeString(file, w.toString());
    }
}
