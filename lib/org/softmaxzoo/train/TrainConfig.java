package org.softmaxzoo.train;

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
 *
 * <p>A run's {@link #name()} is derived: {@link RunName} writes it from these fields, so it follows every
 * {@code with*} change and parses back to them. {@code customName} is null for that derived name. A caller that needs
 * another name (a notebook run on a training set of its own making, a run read from a collection folder, a test's
 * scratch run) gives it whole with {@link #withName}; {@link #withEpochs} keeps it (epochs are not part of a name), every
 * other {@code with*} drops it and the name is derived again, so a custom name never outlives the configuration it
 * named: change the fields first, name last.
 */
public record TrainConfig(String customName, DatasetKind dataset, String head, int featureDim, int epochs, int batchSize,
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
        if (customName != null && customName.isBlank()) {
            customName = null;
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

    /** The run's name: the custom one if {@link #withName} gave one, else the one {@link RunName} writes from the fields. */
    public String name() {
        return customName != null ? customName : RunName.of(this);
    }

    /** Another epoch count; a custom name stays (the name does not say the epochs). */
    public TrainConfig withEpochs(int n) {
        return new TrainConfig(customName, dataset, head, featureDim, n, batchSize, learningRate, weightDecay, seed, trainLimit, network);
    }

    /** Trains on the first {@code n} images only (0 = all); the derived name ends in {@code .limit<n>}. */
    public TrainConfig withTrainLimit(int n) {
        return new TrainConfig(null, dataset, head, featureDim, epochs, batchSize, learningRate, weightDecay, seed, n, network);
    }

    /** Another feature dimension. */
    public TrainConfig withFeatureDim(int d) {
        return new TrainConfig(null, dataset, head, d, epochs, batchSize, learningRate, weightDecay, seed, trainLimit, network);
    }

    /** Another weight decay. */
    public TrainConfig withWeightDecay(float wd) {
        return new TrainConfig(null, dataset, head, featureDim, epochs, batchSize, learningRate, wd, seed, trainLimit, network);
    }

    /** Another feature extractor; the derived name of any but the default has a {@code .net-<name>} part. */
    public TrainConfig withNetwork(String net) {
        return new TrainConfig(null, dataset, head, featureDim, epochs, batchSize, learningRate, weightDecay, seed, trainLimit, net);
    }

    /** Another seed; the derived name ends in {@code .seed<s>} for every seed but the default 1, so each seed has its own run. */
    public TrainConfig withSeed(long s) {
        return new TrainConfig(null, dataset, head, featureDim, epochs, batchSize, learningRate, weightDecay, s, trainLimit, network);
    }

    /** Another head. */
    public TrainConfig withHead(String h) {
        return new TrainConfig(null, dataset, h, featureDim, epochs, batchSize, learningRate, weightDecay, seed, trainLimit, network);
    }

    /** This configuration under the name {@code n}; null, blank or the derived name itself leave the name derived. */
    public TrainConfig withName(String n) {
        TrainConfig derived = new TrainConfig(null, dataset, head, featureDim, epochs, batchSize, learningRate, weightDecay, seed,
                trainLimit, network);
        return n == null || n.equals(derived.name()) ? derived : new TrainConfig(n, dataset, head, featureDim, epochs, batchSize,
                learningRate, weightDecay, seed, trainLimit, network);
    }

    /**
     * The configuration a run folder's {@link #identity()} records, with {@code epochs} (those run): the way back for
     * readers of finished runs. The head is as recorded (schedule defaults spelled out).
     */
    public static TrainConfig fromIdentity(Properties p, int epochs) {
        return new TrainConfig(p.getProperty("name"), DatasetKind.parse(p.getProperty("dataset")), p.getProperty("head"),
                Integer.parseInt(p.getProperty("feature_dim")), epochs, Integer.parseInt(p.getProperty("batch_size")),
                Float.parseFloat(p.getProperty("learning_rate")), Float.parseFloat(p.getProperty("weight_decay")),
                Long.parseLong(p.getProperty("seed")), Integer.parseInt(p.getProperty("train_limit", "0")), p.getProperty("network"));
    }

    /** The fields that must match for a run to be resumed (everything but the epoch count). */
    Properties identity() {
        Properties p = new Properties();
        p.setProperty("name", name());
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
