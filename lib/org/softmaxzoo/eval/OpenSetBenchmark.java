package org.softmaxzoo.eval;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.softmaxzoo.data.Datasets;
import org.softmaxzoo.data.ImageSet;
import org.softmaxzoo.train.Checkpoint;
import org.softmaxzoo.train.RunResult;
import org.softmaxzoo.train.TrainConfig;
import org.softmaxzoo.train.Trainer;
import org.softmaxzoo.train.TrainingGraph;

/**
 * Open-set verification: train on the classes below {@code seenClasses} only, then decide by cosine
 * similarity of features whether two test images show the same class, for pairs of classes never
 * seen in training (the field's claim) and, for comparison, of seen classes.
 */
public final class OpenSetBenchmark {

    /** Metrics of one pair set. */
    public record Metrics(double auc, double equalErrorRate, double tarAtFar1e3, Verification.Roc roc) {
        public static Metrics of(Verification.Roc roc) {
            return new Metrics(roc.auc(), roc.equalErrorRate(), roc.tarAtFar(1e-3), roc);
        }
    }

    /** A head's result: its training run and the metrics on unseen and on seen classes. */
    public record Result(TrainConfig config, RunResult run, Metrics unseen, Metrics seen) {
    }

    private OpenSetBenchmark() {
    }

    /**
     * Trains (or resumes) {@code config} on the seen classes in {@code runsDir}, then scores seeded pair
     * samples. The metrics and a thinned ROC are saved in the run folder ({@value MetricsFile#FILE}), so a
     * committed run whose checkpoint is gone still reports its numbers without retraining.
     */
    public static Result run(TrainConfig config, Datasets.Split data, int seenClasses, int pairsPerKind, Path runsDir,
                             Trainer.Listener listener) {
        ImageSet train = data.train().filterLabels(l -> l < seenClasses).withNumClasses(seenClasses);
        ImageSet seenTest = data.test().filterLabels(l -> l < seenClasses).withNumClasses(seenClasses);
        ImageSet unseenTest = data.test().filterLabels(l -> l >= seenClasses);
        Path runDir = runsDir.resolve(config.name());
        RunResult run = Trainer.run(config, data.derive(train, seenTest), runDir, listener);
        if (!Files.exists(runDir.resolve(Checkpoint.FILE)) && MetricsFile.exists(runDir)) {
            Metrics[] saved = MetricsFile.read(runDir);
            return new Result(config, run, saved[0], saved[1]);
        }
        try (TrainingGraph g = Trainer.load(config, train, runDir)) {
            Result r = new Result(config, run, score(g.features(unseenTest), unseenTest.labels(), config, pairsPerKind),
                    score(g.features(seenTest), seenTest.labels(), config, pairsPerKind));
            MetricsFile.write(runDir, r.unseen(), r.seen());
            return r;
        }
    }

    private static Metrics score(float[] features, int[] labels, TrainConfig config, int pairsPerKind) {
        PairSampler.Pairs pairs = PairSampler.sample(labels, pairsPerKind, config.seed() * 31 + Arrays.hashCode(labels));
        return Metrics.of(Verification.roc(PairSampler.cosineScores(features, config.featureDim(), pairs), pairs.same()));
    }
}
