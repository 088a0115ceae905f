package org.softmaxzoo.eval;

import java.nio.file.Path;
import java.util.Arrays;
import org.softmaxzoo.data.Datasets;
import org.softmaxzoo.data.ImageSet;
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
        static Metrics of(Verification.Roc roc) {
            return new Metrics(roc.auc(), roc.equalErrorRate(), roc.tarAtFar(1e-3), roc);
        }
    }

    /** A head's result: its training run and the metrics on unseen and on seen classes. */
    public record Result(TrainConfig config, RunResult run, Metrics unseen, Metrics seen) {
    }

    private OpenSetBenchmark() {
    }

    /** Trains (or resumes) {@code config} on the seen classes in {@code runsDir}, then scores seeded pair samples. */
    public static Result run(TrainConfig config, Datasets.Split data, int seenClasses, int pairsPerKind, Path runsDir,
                             Trainer.Listener listener) {
        ImageSet train = data.train().filterLabels(l -> l < seenClasses).withNumClasses(seenClasses);
        ImageSet seenTest = data.test().filterLabels(l -> l < seenClasses).withNumClasses(seenClasses);
        ImageSet unseenTest = data.test().filterLabels(l -> l >= seenClasses);
        Path runDir = runsDir.resolve(config.name());
        RunResult run = Trainer.run(config, new Datasets.Split(train, seenTest), runDir, listener);
        try (TrainingGraph g = Trainer.load(config, train, runDir)) {
            return new Result(config, run, score(g.features(unseenTest), unseenTest.labels(), config, pairsPerKind),
                    score(g.features(seenTest), seenTest.labels(), config, pairsPerKind));
        }
    }

    private static Metrics score(float[] features, int[] labels, TrainConfig config, int pairsPerKind) {
        PairSampler.Pairs pairs = PairSampler.sample(labels, pairsPerKind, config.seed() * 31 + Arrays.hashCode(labels));
        return Metrics.of(Verification.roc(PairSampler.cosineScores(features, config.featureDim(), pairs), pairs.same()));
    }
}
