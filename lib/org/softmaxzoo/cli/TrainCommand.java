package org.softmaxzoo.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import me.tongfei.progressbar.ProgressBar;
import org.softmaxzoo.data.DatasetKind;
import org.softmaxzoo.data.Datasets;
import org.softmaxzoo.plot.RunFigures;
import org.softmaxzoo.train.EpochRecord;
import org.softmaxzoo.train.RunFolder;
import org.softmaxzoo.train.RunLock;
import org.softmaxzoo.train.RunName;
import org.softmaxzoo.train.RunResult;
import org.softmaxzoo.train.TrainConfig;
import org.softmaxzoo.train.Trainer;
import org.tensorflow.TensorFlow;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "train", mixinStandardHelpOptions = true,
        description = "Train a network (the default, or the write-up's own) with a loss head; resumes a run cut off mid-way.")
final class TrainCommand implements Callable<Integer>, RunsTensorFlow {

    static final class What {
        @Option(names = "--experiment", required = true,
                description = "Run name, reference style (mnist.softmax.weight_decay1e-3.feature2.normface.scale10) or spec style "
                        + "(fashion_mnist.arcface-s10-m20deg-fallbackfalse.weight_decay1e-3.feature2, as run folders are named)")
        String experiment;

        @ArgGroup(exclusive = false)
        Custom custom;
    }

    static final class Custom {
        @Option(names = "--dataset", required = true, description = "mnist or fashion_mnist")
        String dataset;

        @Option(names = "--head", defaultValue = "softmax", description = "Head spec, e.g. normface(s=10); the `heads` command lists them. Default: ${DEFAULT-VALUE}")
        String head;
    }

    @ArgGroup(exclusive = true, multiplicity = "1")
    What what;

    @Option(names = "--epochs", description = "Epochs (default 40, the reference protocol)")
    Integer epochs;

    @Option(names = "--limit", description = "Train on the first N training images only (0 or absent: all of them)")
    Integer limit;

    @Option(names = "--feature-dim", description = "Feature dimension d (default 2)")
    Integer featureDim;

    @Option(names = "--network", description = "Feature extractor: three-block (default; trained the committed grid), "
            + "writeup or writeup-narrow (the reference write-up's own networks: most rows, Ring-loss rows)")
    String network;

    @Option(names = "--seed", description = "Random seed (default 1)")
    Long seed;

    @Option(names = "--out", defaultValue = "results/runs", description = "Folder of run folders. Default: ${DEFAULT-VALUE}")
    Path out;

    @Option(names = "--restart", description = "Train the run again from scratch: its worklog and checkpoint are kept as "
            + "worklog.csv.bak-<time> and checkpoint.bin.bak-<time>, never deleted")
    boolean restart;

    @Option(names = "--figures", description = "Where the petal figure goes. Default: the --out folder, beside the run's "
            + "folder (so a run never replaces a committed figure in figures/)")
    Path figures;

    @Mixin
    DataOption data;

    @Mixin
    DeviceOption device;

    @Override
    public Integer call() {
        device.apply();
        TrainConfig config = config();
        if (config.featureDim() == 2) {
            if (figures == null) {
                figures = out;
            }
            Folders.requireWritable(figures, "--figures"); // before the training, not after it
        }
        Datasets.Split split = data.datasets().load(config.dataset());
        RunFolder folder = RunFolder.of(out, config);
        System.out.printf("run %s: %s, network %s, head %s, d=%d, %d epochs, batch %d, lr %g, weight decay %g, seed %d%s%n",
                config.name(), config.dataset().experimentName(), config.network(), config.head(), config.featureDim(), config.epochs(),
                config.batchSize(), config.learningRate(), config.weightDecay(), config.seed(),
                config.trainLimit() > 0 ? ", first " + config.trainLimit() + " training images" : "");
        RunResult result;
        try (RunLock lock = folder.lock()) {
            if (restart) {
                folder.restart().forEach(b -> System.out.println("kept " + b));
            }
            result = Trainer.train(config, split, folder, new ConsoleProgress());
        }
        System.out.printf(Locale.ROOT, "best test accuracy %.4f at epoch %d of %d; worklog %s%n", result.bestAccuracy(),
                result.bestEpoch(), result.last().epoch(), folder.worklogFile());
        if (config.featureDim() == 2 && folder.hasCheckpoint()) {
            System.out.println("petal figure " + RunFigures.petal(folder, split.test(), result, figures));
        } else if (config.featureDim() == 2) {
            System.out.println("petal figure not drawn: " + folder + " holds a finished worklog without its checkpoint "
                    + "(results are committed without checkpoints); train into another --out to draw it again");
        }
        return 0;
    }

    private TrainConfig config() {
        TrainConfig c = what.experiment != null ? RunName.experiment(what.experiment)
                : TrainConfig.of(DatasetKind.parse(what.custom.dataset), what.custom.head);
        if (epochs != null) {
            c = c.withEpochs(epochs);
        }
        if (featureDim != null) {
            c = c.withFeatureDim(featureDim);
        }
        if (network != null) {
            c = c.withNetwork(network);
        }
        if (limit != null) {
            if (limit < 0) {
                throw new IllegalArgumentException("--limit must be 0 (all images) or a positive count, got " + limit);
            }
            c = c.withTrainLimit(limit);
        }
        if (seed != null) {
            c = c.withSeed(seed);
        }
        return c;
    }

    /** Per-epoch lines always; a progress bar over the steps when a terminal is attached. */
    private static final class ConsoleProgress implements Trainer.Listener {
        private final boolean interactive = System.console() != null;
        private ProgressBar bar;

        @Override
        public void started(TrainConfig config, int fromEpoch, List<String> devices) {
            System.out.printf("TensorFlow %s; graph placed on %s; %s at epoch %d%n", TensorFlow.version(),
                    devices.isEmpty() ? "(unknown devices)" : String.join(", ", devices),
                    fromEpoch > 1 ? "resuming" : "starting", fromEpoch);
        }

        @Override
        public void step(int epoch, int step, int steps) {
            if (!interactive) {
                return;
            }
            if (bar == null) {
                bar = new ProgressBar("epoch " + epoch, steps);
            }
            bar.stepTo(step);
            if (step == steps) {
                bar.close();
                bar = null;
            }
        }

        @Override
        public void epochDone(TrainConfig config, EpochRecord r) {
            System.out.printf(Locale.ROOT,
                    "epoch %2d/%d  train loss %.4f  train acc %.4f  test acc %.4f  (best %.4f @ %d)  %.1f s  %.0f img/s%n",
                    r.epoch(), config.epochs(), r.trainLoss(), r.trainAccuracy(), r.testAccuracy(), r.bestAccuracy(),
                    r.bestEpoch(), r.seconds(), r.imagesPerSecond());
        }
    }
}
