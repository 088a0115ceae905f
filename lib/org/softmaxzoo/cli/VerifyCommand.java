package org.softmaxzoo.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.softmaxzoo.data.DatasetKind;
import org.softmaxzoo.data.Datasets;
import org.softmaxzoo.eval.OpenSetBenchmark;
import org.softmaxzoo.report.OpenSetReport;
import org.softmaxzoo.train.RunFolder;
import org.softmaxzoo.train.GridRunner;
import org.softmaxzoo.train.RunLock;
import org.softmaxzoo.train.RunPlan;
import org.softmaxzoo.train.Sweep;
import org.softmaxzoo.train.TrainConfig;
import org.softmaxzoo.train.Trainer;
import org.softmaxzoo.train.TrainingDivergedException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "verify", mixinStandardHelpOptions = true,
        description = "Open-set verification: train on classes 0-7, verify pairs of the unseen classes 8-9 by cosine similarity;"
                + " retrieval metrics (P@1, R-precision, MAP@R) and geometry diagnostics of the same test embeddings. Runs resume;"
                + " the table (mean ± std over seeds) covers every scored run of the --out folder.")
final class VerifyCommand implements Callable<Integer>, RunsTensorFlow {
    @Option(names = "--dataset", description = "mnist and/or fashion_mnist (repeatable; default both)")
    List<String> datasets;

    @Option(names = "--head", description = "Head spec (repeatable; default softmax, normface, cosface, arcface, sphereface, center loss)")
    List<String> heads;

    @Option(names = "--heads-file", description = "File with one head spec per line (# comments, {a,b} groups expand), instead of "
            + "--head; e.g. results/runs/leaderboard/heads.txt, the benchmark of every head")
    Path headsFile;

    @Option(names = "--feature-dim", description = "Feature dimension (repeatable; default 2 and 64)")
    List<Integer> dims;

    @Option(names = "--seeds", split = ",", description = "Seeds per cell, e.g. 1,2,3 (runs of seeds other than 1 have "
            + ".seed<s> before .classes0-7 in their names); taken seed by seed, all of seed 1 first. Default: 1")
    List<Long> seeds;

    @Option(names = "--epochs", defaultValue = "5", description = "Epochs per run. Default: ${DEFAULT-VALUE}")
    int epochs;

    @Option(names = "--pairs", defaultValue = "20000", description = "Same-class and different-class pairs each. Default: ${DEFAULT-VALUE}")
    int pairs;

    @Option(names = "--out", defaultValue = "results/runs/openset", description = "Folder of run folders; its name names the table "
            + "(openset.md, leaderboard.md, ...). Default: ${DEFAULT-VALUE}")
    Path out;

    @Option(names = "--results", defaultValue = "results", description = "Where the table goes. Default: ${DEFAULT-VALUE}")
    Path results;

    @Option(names = "--figures", defaultValue = "figures/results", description = "Where the ROC and geometry figures go. Default: ${DEFAULT-VALUE}")
    Path figures;

    @Option(names = "--claim", description = "Share the runs with other verify processes started with --claim: each trains the next "
            + "unscored run no other holds (the run folder's lock, released when the process ends)")
    boolean claim;

    @Mixin
    StopOptions stopOptions;

    @Option(names = "--keep-checkpoints", description = "Keep scored runs' checkpoints (about 1.2 MB each; the metrics file "
            + "keeps the numbers without them)")
    boolean keepCheckpoints;

    @Option(names = "--plan", description = "Do not train: say how many of the runs are scored (finished), cut part-way and not "
            + "started, and the epochs left per data set")
    boolean plan;

    @Mixin
    DataOption data;

    @Mixin
    DeviceOption device;

    @Override
    public Integer call() {
        if (headsFile != null && heads != null) {
            throw new IllegalArgumentException("give the heads with --head or with --heads-file, not both");
        }
        List<String> headList = headsFile != null ? Sweep.readList(headsFile) : heads != null ? heads : List.of("softmax",
                "normface(s=10)", "cosface(s=10,m=0.2)", "arcface(s=10,m=30deg)", COMMITTED_SPHEREFACE, COMMITTED_CENTER);
        List<Integer> dimList = dims != null ? dims : List.of(2, 64);
        List<DatasetKind> kinds = (datasets != null ? datasets : List.of("mnist", "fashion_mnist")).stream().map(DatasetKind::parse).toList();
        List<Long> seedList = seeds != null && !seeds.isEmpty() ? seeds : List.of(1L);
        long pictureSeed = seedList.stream().mapToLong(Long::longValue).min().orElseThrow();
        String tableName = out.toAbsolutePath().normalize().getFileName().toString();
        List<TrainConfig> configs = new ArrayList<>();
        for (long seed : seedList) {
            for (DatasetKind kind : kinds) {
                for (int d : dimList) {
                    for (String head : headList) {
                        configs.add(OpenSetBenchmark.config(kind, head, d, seed).withEpochs(epochs));
                    }
                }
            }
        }
        if (plan) {
            System.out.println("plan: " + RunPlan.of(configs, out, OpenSetBenchmark::scored).describe());
            return 0;
        }
        GridRunner.StopWhen stop = stopOptions.stopWhen();
        device.apply();
        long start = System.nanoTime();
        Trainer.Listener listener = new Trainer.Listener() {
            @Override
            public boolean stopNow() {
                return stop.reason(Duration.ofNanos(System.nanoTime() - start)) != null;
            }
        };
        Datasets loader = data.datasets();
        Map<DatasetKind, Datasets.Split> loaded = new EnumMap<>(DatasetKind.class);
        int scoredNow = 0;
        int scoredBefore = 0;
        int held = 0;
        int failed = 0;
        int k = 0;
        for (TrainConfig config : configs) {
            k++;
            RunFolder folder = RunFolder.of(out, config);
            try (RunLock lock = claim ? folder.tryLock() : null) {
                if (claim && lock == null) {
                    System.out.printf("run %d/%d %s: another verify process holds it%n", k, configs.size(), config.name());
                    held++;
                    continue;
                }
                OpenSetBenchmark.Result r = OpenSetBenchmark.run(config, loaded.computeIfAbsent(config.dataset(), loader::load),
                        OpenSetBenchmark.SEEN_CLASSES, pairs, out, listener);
                if (r == null) {
                    System.out.printf("%s at run %d/%d (%s); run the same command again to continue%n",
                            stop.reason(Duration.ofNanos(System.nanoTime() - start)), k, configs.size(), config.name());
                    break;
                }
                report(k, configs.size(), r);
                if (r.geometry() != null && config.seed() == pictureSeed) {
                    // drawn now: once the checkpoint is gone the histograms behind it cannot be measured again
                    System.out.println("wrote " + OpenSetReport.geometryFigure(r, figures, tableName));
                }
                if (!keepCheckpoints) {
                    folder.deleteCheckpoint(); // the metrics file keeps the numbers
                }
                if (r.geometry() != null) {
                    scoredNow++; // trained and scored by this call: its features were at hand
                } else {
                    scoredBefore++;
                }
            } catch (IllegalStateException | java.io.UncheckedIOException | TrainingDivergedException e) {
                System.err.printf("run %d/%d %s: error: %s (going on with the others)%n", k, configs.size(), config.name(), e.getMessage());
                failed++;
            }
        }
        // The table covers every scored run of the folder, also those other processes scored, read back from the
        // records as summarize reads them (a record spells out a head's defaults), so both write the same table.
        System.out.println("wrote " + OpenSetReport.write(OpenSetBenchmark.saved(out), results, figures, tableName));
        System.out.printf("verify: %d run(s) scored now, %d scored before, %d held by other processes, %d failed%n",
                scoredNow, scoredBefore, held, failed);
        return failed > 0 ? 1 : 0;
    }

    private static void report(int k, int n, OpenSetBenchmark.Result r) {
        System.out.printf(Locale.ROOT, "run %d/%d %s: unseen AUC %.4f EER %.4f TAR@1e-3 %.4f P@1 %s R-prec %s MAP@R %s"
                + " | seen AUC %.4f P@1 %s R-prec %s MAP@R %s | min angle W %s deg%n",
                k, n, r.config().name(), r.unseen().auc(), r.unseen().equalErrorRate(), r.unseen().tarAtFar1e3(),
                number(r.unseen().retrieval().precisionAt1()), number(r.unseen().retrieval().rPrecision()),
                number(r.unseen().retrieval().mapAtR()), r.seen().auc(), number(r.seen().retrieval().precisionAt1()),
                number(r.seen().retrieval().rPrecision()), number(r.seen().retrieval().mapAtR()),
                number(r.seen().geometry().minWeightAngle()));
    }

    /** A metric, or "missing" when the run's metrics file predates it. */
    private static String number(double v) {
        return Double.isNaN(v) ? "missing" : String.format(Locale.ROOT, "%.4f", v);
    }

    /**
     * The committed open-set SphereFace runs' schedule (SphereFace's defaults until 2026-11-29), spelled out
     * now that the defaults are the source's; their folders and records spell it too.
     */
    static final String COMMITTED_SPHEREFACE = "sphereface(m=4,lambda_max=1000,lambda_min=5,lambda_gamma=0.2)";

    /**
     * The committed open-set center-loss runs in today's terms: trained as lambda = 0.003 when the term summed over
     * the batch, which is lambda = 0.192 now that it averages (batch 64); their folders and records say so.
     */
    static final String COMMITTED_CENTER = "softmax+center(lambda=0.192,alpha=0.5)";
}
