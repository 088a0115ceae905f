package org.softmaxzoo.eval;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;
import org.softmaxzoo.data.DatasetKind;
import org.softmaxzoo.data.Datasets;
import org.softmaxzoo.data.ImageSet;
import org.softmaxzoo.heads.core.LossHead;
import org.softmaxzoo.train.EpochRecord;
import org.softmaxzoo.train.RunFolder;
import org.softmaxzoo.train.RunName;
import org.softmaxzoo.train.RunResult;
import org.softmaxzoo.train.TrainConfig;
import org.softmaxzoo.train.Trainer;
import org.softmaxzoo.train.TrainingGraph;
import org.softmaxzoo.train.Worklog;

/**
 * Open-set verification: train on the classes below {@code seenClasses} only, then decide by cosine
 * similarity of features whether two test images show the same class, for pairs of classes never
 * seen in training (the field's claim) and, for comparison, of seen classes. The same test embeddings
 * also give retrieval metrics ({@link Retrieval}) and geometry diagnostics ({@link EmbeddingGeometry}).
 */
public final class OpenSetBenchmark {
    /** The benchmark's split: classes 0-7 trained on and seen, 8 and 9 never seen. */
    public static final int SEEN_CLASSES = 8;

    /** The run {@code verify} trains for a head: {@code <data set>.<head>...feature<dim>[.seed<s>].classes0-7}, the seed part for seeds but 1. */
    public static TrainConfig config(DatasetKind kind, String head, int dim, long seed) {
        TrainConfig config = TrainConfig.of(kind, head).withFeatureDim(dim).withSeed(seed);
        return config.withName(RunName.of(config, 0, SEEN_CLASSES - 1));
    }

    /**
     * The results among {@code results} that are runs of the given heads (spelled as in a heads file, e.g. the
     * first open-set table's six), matched by run name, so a head's defaults spelled out in its record still match.
     */
    public static List<Result> ofHeads(List<Result> results, List<String> heads) {
        return results.stream().filter(r -> heads.stream().anyMatch(head -> config(r.config().dataset(), head,
                r.config().featureDim(), r.config().seed()).name().equals(r.config().name()))).toList();
    }

    /**
     * Metrics of one set of test images: verification of its sampled pairs, retrieval over all of it,
     * and its geometry's summary (retrieval and geometry are NaN when read from a metrics file written
     * before they were measured).
     */
    public record Metrics(double auc, double equalErrorRate, double tarAtFar1e3, Verification.Roc roc, Retrieval retrieval,
                          EmbeddingGeometry.Summary geometry) {
        public static Metrics of(Verification.Roc roc, Retrieval retrieval, EmbeddingGeometry.Summary geometry) {
            return new Metrics(roc.auc(), roc.equalErrorRate(), roc.tarAtFar(1e-3), roc, retrieval, geometry);
        }
    }

    /** The full geometry of the unseen and of the seen test embeddings, for figures. */
    public record Geometry(EmbeddingGeometry unseen, EmbeddingGeometry seen) {
    }

    /**
     * A head's result: its training run and the metrics on unseen and on seen classes.
     *
     * @param geometry null when the metrics were read back from the run folder (the checkpoint is gone)
     */
    public record Result(TrainConfig config, RunResult run, Metrics unseen, Metrics seen, Geometry geometry) {
    }

    private OpenSetBenchmark() {
    }

    /**
     * Trains (or resumes) {@code config} on the seen classes in {@code runsDir}, then scores seeded pair
     * samples. The metrics and a thinned ROC are saved in the run folder ({@value MetricsFile#FILE}), so a
     * committed run whose checkpoint is gone still reports its numbers without retraining. Null when the
     * listener stopped the run before its epochs: an unfinished run is not scored (a later call resumes it).
     */
    public static Result run(TrainConfig config, Datasets.Split data, int seenClasses, int pairsPerKind, Path runsDir,
                             Trainer.Listener listener) {
        ImageSet train = data.train().filterLabels(l -> l < seenClasses).withNumClasses(seenClasses);
        ImageSet seenTest = data.test().filterLabels(l -> l < seenClasses).withNumClasses(seenClasses);
        ImageSet unseenTest = data.test().filterLabels(l -> l >= seenClasses);
        RunFolder folder = RunFolder.of(runsDir, config);
        RunResult run = Trainer.train(config, data.derive(train, seenTest), folder, listener);
        if (!run.finished()) {
            return null;
        }
        if (!folder.hasCheckpoint() && scored(folder)) {
            Metrics[] saved = MetricsFile.read(folder);
            return new Result(config, run, saved[0], saved[1], null);
        }
        try (TrainingGraph g = folder.graph(config, train)) {
            int d = config.featureDim();
            float[] unseenFeatures = g.features(unseenTest);
            float[] seenFeatures = g.features(seenTest);
            // The class weights belong to the seen classes only; a head without one d x C weight matrix
            // (none, or several vectors per class) gets NaN weight angles.
            float[] weights = g.values().get(LossHead.WEIGHT);
            if (weights != null && weights.length != d * seenClasses) {
                weights = null;
            }
            Geometry geometry = new Geometry(
                    EmbeddingGeometry.of(unseenFeatures, d, unseenTest.labels(), null, unseenTest.numClasses()),
                    EmbeddingGeometry.of(seenFeatures, d, seenTest.labels(), weights, seenClasses));
            Result r = new Result(config, run, score(unseenFeatures, unseenTest.labels(), config, pairsPerKind, geometry.unseen()),
                    score(seenFeatures, seenTest.labels(), config, pairsPerKind, geometry.seen()), geometry);
            MetricsFile.write(folder, r.unseen(), r.seen());
            return r;
        }
    }

    /** Whether a run has been scored: its metrics file, written once it finished its epochs, is there. */
    public static boolean scored(RunFolder folder) {
        return MetricsFile.exists(folder);
    }

    /**
     * The scored runs of a runs folder, read back from their files without data or checkpoint, in name order:
     * every sub-folder with a {@value MetricsFile#FILE} (written once a run has finished its epochs).
     */
    public static List<Result> saved(Path runsDir) {
        if (!Files.isDirectory(runsDir)) {
            return List.of();
        }
        try (Stream<Path> children = Files.list(runsDir)) {
            return children.filter(p -> Files.isDirectory(p) && scored(RunFolder.at(p))).sorted().map(OpenSetBenchmark::savedRun).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + runsDir, e);
        }
    }

    /** One scored run read back: its configuration (epochs: those run) from its config file, worklog and metrics. */
    static Result savedRun(Path runDir) {
        RunFolder folder = RunFolder.at(runDir);
        Properties p = folder.config();
        List<EpochRecord> log = folder.worklog();
        if (p.isEmpty() || log.isEmpty()) {
            throw new IllegalStateException(runDir + " has metrics but no " + (p.isEmpty() ? RunFolder.CONFIG_FILE : Worklog.FILE)
                    + "; restore it from git or delete the folder");
        }
        TrainConfig config = TrainConfig.fromIdentity(p, log.get(log.size() - 1).epoch());
        Metrics[] m = MetricsFile.read(folder);
        return new Result(config, new RunResult(config, runDir, log), m[0], m[1], null);
    }

    private static Metrics score(float[] features, int[] labels, TrainConfig config, int pairsPerKind, EmbeddingGeometry geometry) {
        PairSampler.Pairs pairs = PairSampler.sample(labels, pairsPerKind, config.seed() * 31 + Arrays.hashCode(labels));
        return Metrics.of(Verification.roc(PairSampler.cosineScores(features, config.featureDim(), pairs), pairs.same()),
                Retrieval.of(features, config.featureDim(), labels), geometry.summary());
    }
}
