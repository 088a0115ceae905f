package org.softmaxzoo.notebook;

import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import org.softmaxzoo.data.DataRoot;
import org.softmaxzoo.data.DatasetKind;
import org.softmaxzoo.data.Datasets;
import org.softmaxzoo.data.ImageSet;
import org.softmaxzoo.train.RunFolder;
import org.softmaxzoo.train.RunResult;
import org.softmaxzoo.train.TrainConfig;
import org.softmaxzoo.train.Trainer;
import org.softmaxzoo.train.TrainingGraph;

/**
 * The training runs a notebook makes, with the reference protocol (batch 64, Adam 1e-3, weight decay
 * 1e-3, 2-d features) and the notebook's mode: full mode trains the notebook's stated number of epochs
 * on the whole training set and evaluates on the whole test set; quick mode ({@link Notebook#quick()})
 * trains {@value #QUICK_EPOCHS} epoch on the first {@value #QUICK_TRAIN} training images and evaluates
 * on the first {@value #QUICK_TEST} test images. Runs are kept under {@code notebooks/runs/} (not
 * committed), so running a notebook again reuses what it already trained.
 */
public final class Lab {
    static final int QUICK_EPOCHS = 1;
    static final int QUICK_TRAIN = 3000;
    static final int QUICK_TEST = 2000;

    private final int fullEpochs;
    private final Datasets datasets = new Datasets(DataRoot.resolve(null));
    private final Map<DatasetKind, Datasets.Split> loaded = new EnumMap<>(DatasetKind.class);
    private final Path runsDir = Notebook.projectDir().resolve("notebooks").resolve("runs");

    private Lab(int fullEpochs) {
        if (fullEpochs < 1) {
            throw new IllegalArgumentException("epochs must be >= 1, got " + fullEpochs);
        }
        this.fullEpochs = fullEpochs;
    }

    /** A lab whose full-mode runs train {@code fullEpochs} epochs. */
    public static Lab open(int fullEpochs) {
        return new Lab(fullEpochs);
    }

    /** What this notebook's runs are, for its first output: mode, epochs and data. */
    public String describe() {
        return describe("all training images");
    }

    /** The same for a notebook whose runs train on a subset of the training set (e.g. {@code data(kind).train().limit(n)}). */
    public String describe(ImageSet trainingSubset) {
        return describe(String.format(Locale.ROOT, "the first %,d training images", trainingSubset.size()));
    }

    private String describe(String trainingImages) {
        return Notebook.quick()
                ? String.format(Locale.ROOT, "QUICK MODE (for CI): %d epoch on the first %,d training images, tested on the "
                        + "first %,d test images; figures go to %s, not figures/", QUICK_EPOCHS, QUICK_TRAIN, QUICK_TEST,
                        Notebook.figures())
                : String.format(Locale.ROOT, "full mode: %d epochs on %s, tested on all test images "
                        + "(the reference protocol trains 40 epochs); batch 64, Adam lr 1e-3, weight decay 1e-3", fullEpochs,
                        trainingImages);
    }

    /** Training steps of a whole run on MNIST in this mode (for schedules that should end with the run). */
    public int totalSteps() {
        int images = data(DatasetKind.MNIST).train().size();
        return epochs() * ((images + TrainConfig.BATCH - 1) / TrainConfig.BATCH);
    }

    /** Epochs of this notebook's runs in this mode. */
    public int epochs() {
        return Notebook.quick() ? QUICK_EPOCHS : fullEpochs;
    }

    /** The data set, cut down in quick mode. */
    public Datasets.Split data(DatasetKind kind) {
        Datasets.Split full = loaded.computeIfAbsent(kind, datasets::load);
        return Notebook.quick() ? full.derive(full.train().limit(QUICK_TRAIN), full.test().limit(QUICK_TEST)) : full;
    }

    /** A head on MNIST with the reference protocol. */
    public TrainedRun train(String head) {
        return train(TrainConfig.of(DatasetKind.MNIST, head));
    }

    /** A configuration, with this notebook's epochs. */
    public TrainedRun train(TrainConfig config) {
        Datasets.Split data = data(config.dataset());
        return train(config, data.train(), "");
    }

    /**
     * A configuration on a training set of the caller's making (for example one class cut down);
     * {@code trainingSetLabel} names that set in the run's folder and figure titles.
     */
    public TrainedRun train(TrainConfig config, ImageSet trainingSet, String trainingSetLabel) {
        Datasets.Split data = data(config.dataset());
        return train(config, data.derive(trainingSet, data.test()), trainingSetLabel);
    }

    /**
     * A configuration on a split of the caller's making, training and test set both (for example three
     * classes only, {@code withNumClasses(3)}); make it from {@link #data} so quick mode stays small.
     * {@code splitLabel} names the split in the run's folder and figure titles.
     */
    public TrainedRun train(TrainConfig config, Datasets.Split split, String splitLabel) {
        TrainConfig mode = config.withEpochs(epochs());
        String name = mode.name() + (splitLabel.isEmpty() ? "" : "." + splitLabel) + (Notebook.quick() ? ".quick" : "");
        mode = mode.withName(name);
        RunFolder folder = RunFolder.of(runsDir, mode);
        RunResult result = Trainer.train(mode, split, folder, new Trainer.Listener() {
        });
        try (TrainingGraph g = folder.graph(mode, split.train())) {
            return new TrainedRun(result, splitLabel, split.test(), g.features(split.test()), g.predictions(split.test()), g.values());
        }
    }

    /**
     * Features of other images through a finished run's network, for example of classes it never
     * trained on (n x d, row-major). The graph is rebuilt for the run's own classes ({@code run.test()}).
     */
    public float[] features(TrainedRun run, ImageSet images) {
        TrainConfig config = run.result().config();
        try (TrainingGraph g = RunFolder.of(runsDir, config).graph(config, run.test())) {
            return g.features(images);
        }
    }
}
