package org.softmaxzoo.cli;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.softmaxzoo.data.DataRoot;
import org.softmaxzoo.data.DatasetKind;
import org.softmaxzoo.data.Datasets;
import org.softmaxzoo.plot.RunFigures;
import org.softmaxzoo.report.ReferenceResults;
import org.softmaxzoo.train.EpochRecord;
import org.softmaxzoo.train.ExperimentName;
import org.softmaxzoo.train.GridRunner;
import org.softmaxzoo.train.RunFolder;
import org.softmaxzoo.train.RunName;
import org.softmaxzoo.train.RunResult;
import org.softmaxzoo.train.Sweep;
import org.softmaxzoo.train.TrainConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "grid", mixinStandardHelpOptions = true,
        description = "Run a list of experiments (default: both reference tables); skips finished runs, resumes cut ones.")
final class GridCommand implements Callable<Integer>, RunsTensorFlow {
    @Option(names = "--list", description = "File with one experiment name per line (# comments), where {a,b,c} groups "
            + "expand to every value, e.g. ...amsoftmax.scale{1,2,4}.margin{0,0.35}; default: the reference tables")
    Path list;

    @Option(names = "--seeds", split = ",", description = "Seeds to run each experiment with, e.g. 1,2,3 (runs of seeds "
            + "other than 1 are named <experiment>.seed<s>); the list is taken seed by seed, all of seed 1 first. Default: 1")
    List<Long> seeds;

    @Option(names = "--dataset", description = "Only the list's experiments on this data set: mnist or fashion_mnist "
            + "(repeatable). Default: all of them")
    List<String> datasets;

    @Option(names = "--shard", defaultValue = "1/1", description = "i/n: run every n-th experiment starting at the i-th. Default: ${DEFAULT-VALUE}")
    String shard;

    @Mixin
    StopOptions stop;

    @Option(names = "--epochs", description = "Epochs per run (default: the experiment's, 40). Fewer runs the grid in stages: "
            + "runs stop there and keep their checkpoints, and a later grid continues them")
    Integer epochs;

    @Option(names = "--out", defaultValue = "results/runs", description = "Folder of run folders. Default: ${DEFAULT-VALUE}")
    Path out;

    @Option(names = "--claim", description = "Share the list with other grid processes started with --claim: each trains the next "
            + "unfinished run no other holds (a file lock in the run's folder, released when the process ends)")
    boolean claim;

    @Option(names = "--keep-checkpoints", description = "Keep finished runs' checkpoints (about 1.2 MB each)")
    boolean keepCheckpoints;

    @Option(names = "--figures", description = "Draw the petal figure (test set) of every 2-d run that reaches its experiment's "
            + "last epoch into this folder, before the grid drops the run's checkpoint; not for a stage's --epochs")
    Path figures;

    @Option(names = "--plan", description = "Do not train: say how many runs of the list (this shard, these seeds and epochs) are "
            + "finished, cut part-way and not started, and the epochs left per data set")
    boolean plan;

    @Mixin
    DataOption data;

    @Mixin
    DeviceOption device;

    @Mixin
    SlurmOptions slurm;

    /** Where --submit looks for sbatch (a field so that a test can point it elsewhere). */
    String searchPath = System.getenv("PATH");

    @Override
    public Integer call() {
        if (plan && slurm.requested()) {
            throw new IllegalArgumentException("--plan and --slurm do different things: give one of them");
        }
        if (slurm.requested()) { // the tasks choose their device on their node
            if (!shard.equals("1/1") || claim || stop.given()) {
                throw new IllegalArgumentException("--slurm makes one array task per run of the whole list: leave out --shard, --claim, "
                        + "--budget-minutes and --stop-file (Slurm spreads the tasks; scancel stops them, a later submission resumes)");
            }
            return slurm.run(experiments(), list == null ? "the reference tables' list" : list.toAbsolutePath().normalize().toString(),
                    out, epochs, DataRoot.resolve(data.data), searchPath);
        }
        slurm.refuseWithoutSlurm();
        String[] parts = shard.split("/");
        if (parts.length != 2) {
            throw new IllegalArgumentException("--shard must look like 2/4, got " + shard);
        }
        GridRunner.Options options = new GridRunner.Options(experiments(), Integer.parseInt(parts[0].trim()),
                Integer.parseInt(parts[1].trim()), plan ? null : stop.stopWhen(), epochs, out, keepCheckpoints, claim);
        if (plan) {
            System.out.println("plan: " + GridRunner.plan(options).describe());
            return 0;
        }
        device.apply();
        if (figures != null) {
            Folders.requireWritable(figures, "--figures"); // before the training, not after it
        }
        Datasets datasets = data.datasets();
        GridRunner.Outcome outcome = GridRunner.run(options, datasets::load, new GridRunner.Progress() {
            @Override
            public void skipped(int k, int n, TrainConfig c, RunResult r) {
                System.out.printf(Locale.ROOT, "run %d/%d %s: finished before (best %.4f @ %d)%n", k, n, c.name(),
                        r.bestAccuracy(), r.bestEpoch());
            }

            @Override
            public void started(int k, int n, TrainConfig c, int fromEpoch, List<String> devices) {
                System.out.printf("run %d/%d %s: %s at epoch %d on %s%n", k, n, c.name(), fromEpoch > 1 ? "resuming" : "starting",
                        fromEpoch, String.join(", ", devices));
            }

            @Override
            public void epoch(int k, int n, TrainConfig c, EpochRecord r, Duration eta) {
                System.out.printf(Locale.ROOT, "run %d/%d %s: epoch %d/%d test acc %.4f (best %.4f @ %d), %.0f s; %s %s%n",
                        k, n, c.name(), r.epoch(), c.epochs(), r.testAccuracy(), r.bestAccuracy(), r.bestEpoch(), r.seconds(),
                        claim ? "ETA of the rest of the list for this process alone" : "shard ETA", format(eta));
            }

            @Override
            public void reachedEnd(int k, int n, TrainConfig c, RunResult r, RunFolder folder, Datasets.Split split) {
                if (figures != null && c.featureDim() == 2) {
                    System.out.printf("run %d/%d %s: petal figure %s%n", k, n, c.name(), RunFigures.petal(folder, split.test(), r, figures));
                }
            }

            @Override
            public void heldElsewhere(int k, int n, TrainConfig c) {
                System.out.printf("run %d/%d %s: another grid process is training it%n", k, n, c.name());
            }

            @Override
            public void failed(int k, int n, TrainConfig c, RuntimeException why) {
                System.err.printf("run %d/%d %s: error: %s (going on with the others)%n", k, n, c.name(), why.getMessage());
            }

            @Override
            public void stopped(int k, int n, TrainConfig c, Duration elapsed, String reason) {
                System.out.printf("%s after %s at run %d/%d (%s); run the same command again to continue%n",
                        reason, format(elapsed), k, n, c.name());
            }
        });
        System.out.printf("grid shard %s: %d finished before, %d finished now, %d left, %d held by other grid processes%n", shard,
                outcome.skipped(), outcome.finished(), outcome.unfinished(), outcome.heldElsewhere());
        if (outcome.failed() > 0) {
            System.err.printf("error: %d run(s) failed (listed above); the others went on%n", outcome.failed());
            return 1;
        }
        return 0;
    }

    /** The list's experiments, once per seed (seed by seed, so a grid cut short has whole seeds done first). */
    List<String> experiments() {
        List<String> names = listed();
        if (seeds == null || seeds.isEmpty()) {
            return names;
        }
        List<String> runs = new ArrayList<>();
        for (long seed : seeds) {
            names.forEach(name -> runs.add(ExperimentName.forSeed(name, seed)));
        }
        return runs;
    }

    private List<String> listed() {
        List<String> names = list == null ? ReferenceResults.experiments() : Sweep.readList(list);
        if (datasets == null || datasets.isEmpty()) {
            return names;
        }
        Set<DatasetKind> kinds = datasets.stream().map(DatasetKind::parse).collect(Collectors.toSet());
        return names.stream().filter(name -> kinds.contains(RunName.experiment(name).dataset())).toList();
    }

    static String format(Duration d) {
        return String.format("%dh%02dm", d.toHours(), d.toMinutesPart());
    }
}
