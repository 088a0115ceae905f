package org.softmaxzoo.train;

import java.util.Locale;
import java.util.Properties;
import org.softmaxzoo.data.DatasetKind;
import org.softmaxzoo.heads.Heads;
import org.softmaxzoo.heads.spec.SpecHistory;
import org.softmaxzoo.model.Networks;

/**
 * Everything that determines a training run. Defaults follow the reference experiments: batch 64,
 * Adam lr 1e-3, weight decay 1e-3 (PyTorch Adam semantics), 40 epochs, 2-d features.
 * {@code trainLimit} 0 means the whole training set; {@code network} names the feature extractor
 * ({@link Networks}; null means this project's default, which trained the committed grid).
 */
public record TrainConfig(String name, DatasetKind dataset, String head, int featureDim, int epochs, int batchSize,
                          float learningRate, float weightDecay, long seed, int trainLimit, String network) {

    public static final int EPOCHS = 40;
    public static final int BATCH = 64;
    public static final float LEARNING_RATE = 1e-3f;
    public static final float WEIGHT_DECAY = 1e-3f;
    public static final int FEATURE_DIM = 2;
    public static final long SEED = 1;

    public TrainConfig {
        require(featureDim >= 1, "feature dimension must be >= 1, got " + featureDim);
        require(epochs >= 1, "epochs must be >= 1, got " + epochs);
        require(batchSize >= 1, "batch size must be >= 1, got " + batchSize);
        require(learningRate > 0 && Float.isFinite(learningRate), "learning rate must be > 0, got " + learningRate);
        require(weightDecay >= 0 && Float.isFinite(weightDecay), "weight decay must be >= 0, got " + weightDecay);
        require(trainLimit >= 0, "train limit must be >= 0 (0 = all), got " + trainLimit);
        Heads.create(head); // refuse a bad spec before anything is written
        network = Networks.check(network == null ? Networks.DEFAULT : network);
        if (name == null || name.isBlank()) {
            name = withSeedSuffix(defaultName(dataset, head, weightDecay, featureDim, trainLimit), seed);
        }
    }

    private static void require(boolean ok, String message) {
        if (!ok) {
            throw new IllegalArgumentException(message);
        }
    }

    /** A reference-protocol run of a head on a data set. */
    public static TrainConfig of(DatasetKind dataset, String head) {
        return new TrainConfig(null, dataset, head, FEATURE_DIM, EPOCHS, BATCH, LEARNING_RATE, WEIGHT_DECAY, SEED, 0, null);
    }

    public TrainConfig withEpochs(int n) {
        return new TrainConfig(name, dataset, head, featureDim, n, batchSize, learningRate, weightDecay, seed, trainLimit, network);
    }

    /** Trains on the first {@code n} images only (0 = all); the name says so with a {@code .limit<n>} suffix. */
    public TrainConfig withTrainLimit(int n) {
        return new TrainConfig(withSeedSuffix(renamed(withoutSeed(name), featureDim, n), seed), dataset, head, featureDim, epochs,
                batchSize, learningRate, weightDecay, seed, n, network);
    }

    /** Another feature dimension; the name's {@code .feature<d>} part follows. */
    public TrainConfig withFeatureDim(int d) {
        return new TrainConfig(withSeedSuffix(renamed(withoutSeed(name), d, trainLimit), seed), dataset, head, d, epochs,
                batchSize, learningRate, weightDecay, seed, trainLimit, network);
    }

    /** Another weight decay; the name's {@code .weight_decay<wd>} part follows. */
    public TrainConfig withWeightDecay(float wd) {
        String n = name.replaceFirst("\\.weight_decay[0-9.e+-]+?(?=\\.feature)", ".weight_decay" + formatDecay(wd));
        return new TrainConfig(n, dataset, head, featureDim, epochs, batchSize, learningRate, wd, seed, trainLimit, network);
    }

    /** Another feature extractor; a name other than the default's gets a {@code .net-<name>} part. */
    public TrainConfig withNetwork(String net) {
        String base = withoutSeed(name).replaceAll("\\.limit[0-9]+$", "").replaceAll("\\.net-[a-z-]+$", "");
        String n = withSeedSuffix(base + (Networks.DEFAULT.equals(net) ? "" : ".net-" + net)
                + (trainLimit > 0 ? ".limit" + trainLimit : ""), seed);
        return new TrainConfig(n, dataset, head, featureDim, epochs, batchSize, learningRate, weightDecay, seed, trainLimit, net);
    }

    /** Another seed; the name ends in {@code .seed<s>} for every seed but the default 1, so each seed has its own run. */
    public TrainConfig withSeed(long s) {
        return new TrainConfig(withSeedSuffix(withoutSeed(name), s), dataset, head, featureDim, epochs, batchSize, learningRate, weightDecay, s, trainLimit, network);
    }

    /** Another head, under the same name (the caller names the run). */
    public TrainConfig withHead(String h) {
        return new TrainConfig(name, dataset, h, featureDim, epochs, batchSize, learningRate, weightDecay, seed, trainLimit, network);
    }

    public TrainConfig withName(String n) {
        return new TrainConfig(n, dataset, head, featureDim, epochs, batchSize, learningRate, weightDecay, seed, trainLimit, network);
    }

    /** The name of the default seed's run, or the name itself when it has no seed part. */
    static String withoutSeed(String name) {
        return name.replaceFirst("\\.seed[0-9]+$", "");
    }

    static String withSeedSuffix(String base, long seed) {
        return seed == SEED ? base : base + ".seed" + seed;
    }

    /** Keeps the name's {@code .feature<d>} and {@code .limit<n>} parts in step with the fields. */
    private static String renamed(String name, int dim, int limit) {
        String base = name.replaceAll("\\.limit[0-9]+$", "").replaceFirst("\\.feature[0-9]+", ".feature" + dim);
        return limit > 0 ? base + ".limit" + limit : base;
    }

    /** A file-system-safe name in the style of the reference experiment names. */
    static String defaultName(DatasetKind dataset, String head, float weightDecay, int featureDim, int trainLimit) {
        return dataset.experimentName() + "." + RunName.headToken(head) + ".weight_decay" + formatDecay(weightDecay) + ".feature" + featureDim + (trainLimit > 0 ? ".limit" + trainLimit : "");
    }

    /** 1e-3 style, as in the reference experiment names. */
    static String formatDecay(float weightDecay) {
        return String.format(Locale.ROOT, "%.0e", weightDecay).replace("e-0", "e-");
    }

    /** The fields that must match for a run to be resumed (everything but the epoch count). */
    Properties identity() {
        Properties p = new Properties();
        p.setProperty("name", name);
        p.setProperty("dataset", dataset.experimentName());
        p.setProperty("head", SpecHistory.toRecord(head)); // schedule defaults spelled out: they have changed before
        p.setProperty("feature_dim", Integer.toString(featureDim));
        p.setProperty("batch_size", Integer.toString(batchSize));
        p.setProperty("learning_rate", Float.toString(learningRate));
        p.setProperty("weight_decay", Float.toString(weightDecay));
        p.setProperty("seed", Long.toString(seed));
        p.setProperty("train_limit", Integer.toString(trainLimit));
        if (!Networks.DEFAULT.equals(network)) {
            p.setProperty("network", network); // absent in the runs made before there was a choice
        }
        return p;
    }
}
