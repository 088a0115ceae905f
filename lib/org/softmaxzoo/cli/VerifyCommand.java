package org.softmaxzoo.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.softmaxzoo.data.DatasetKind;
import org.softmaxzoo.data.Datasets;
import org.softmaxzoo.eval.OpenSetBenchmark;
import org.softmaxzoo.report.OpenSetReport;
import org.softmaxzoo.train.TrainConfig;
import org.softmaxzoo.train.RunName;
import org.softmaxzoo.train.Trainer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "verify", mixinStandardHelpOptions = true,
        description = "Open-set verification: train on classes 0-7, verify pairs of the unseen classes 8-9 by cosine similarity;"
                + " retrieval metrics (P@1, R-precision, MAP@R) and geometry diagnostics of the same test embeddings.")
final class VerifyCommand implements Callable<Integer> {
    static final int SEEN_CLASSES = 8;

    @Option(names = "--dataset", description = "mnist and/or fashion_mnist (repeatable; default both)")
    List<String> datasets;

    @Option(names = "--head", description = "Head spec (repeatable; default softmax, normface, cosface, arcface, sphereface, center loss)")
    List<String> heads;

    @Option(names = "--feature-dim", description = "Feature dimension (repeatable; default 2 and 64)")
    List<Integer> dims;

    @Option(names = "--epochs", defaultValue = "5", description = "Epochs per run. Default: ${DEFAULT-VALUE}")
    int epochs;

    @Option(names = "--pairs", defaultValue = "20000", description = "Same-class and different-class pairs each. Default: ${DEFAULT-VALUE}")
    int pairs;

    @Option(names = "--out", defaultValue = "results/runs/openset", description = "Folder of run folders. Default: ${DEFAULT-VALUE}")
    Path out;

    @Option(names = "--results", defaultValue = "results", description = "Where the table goes. Default: ${DEFAULT-VALUE}")
    Path results;

    @Option(names = "--figures", defaultValue = "figures/results", description = "Where the ROC and geometry figures go. Default: ${DEFAULT-VALUE}")
    Path figures;

    @Mixin
    DataOption data;

    @Mixin
    DeviceOption device;

    @Override
    public Integer call() {
        device.apply();
        List<String> headList = heads != null ? heads : List.of("softmax", "normface(s=10)", "cosface(s=10,m=0.2)",
                "arcface(s=10,m=30deg)", "sphereface(m=4)", "softmax+center(lambda=0.003,alpha=0.5)");
        List<Integer> dimList = dims != null ? dims : List.of(2, 64);
        Datasets loader = data.datasets();
        List<OpenSetBenchmark.Result> all = new ArrayList<>();
        for (String name : datasets != null ? datasets : List.of("mnist", "fashion_mnist")) {
            DatasetKind kind = DatasetKind.parse(name);
            Datasets.Split split = loader.load(kind);
            for (int d : dimList) {
                for (String head : headList) {
                    TrainConfig trained = TrainConfig.of(kind, head).withFeatureDim(d);
                    TrainConfig config = trained.withName(RunName.of(trained, 0, SEEN_CLASSES - 1)).withEpochs(epochs);
                    OpenSetBenchmark.Result r = OpenSetBenchmark.run(config, split, SEEN_CLASSES, pairs, out, new Trainer.Listener() {
                    });
                    System.out.printf(Locale.ROOT, "%s d=%d %-40s unseen AUC %.4f EER %.4f TAR@1e-3 %.4f P@1 %s R-prec %s MAP@R %s"
                            + " | seen AUC %.4f P@1 %s R-prec %s MAP@R %s | min angle W %s deg%n",
                            kind.experimentName(), d, head, r.unseen().auc(), r.unseen().equalErrorRate(), r.unseen().tarAtFar1e3(),
                            number(r.unseen().retrieval().precisionAt1()), number(r.unseen().retrieval().rPrecision()),
                            number(r.unseen().retrieval().mapAtR()), r.seen().auc(), number(r.seen().retrieval().precisionAt1()),
                            number(r.seen().retrieval().rPrecision()), number(r.seen().retrieval().mapAtR()),
                            number(r.seen().geometry().minWeightAngle()));
                    all.add(r);
                }
            }
        }
        System.out.println("wrote " + OpenSetReport.write(all, results, figures, "openset"));
        return 0;
    }

    /** A metric, or "missing" when the run's metrics file predates it. */
    private static String number(double v) {
        return Double.isNaN(v) ? "missing" : String.format(Locale.ROOT, "%.4f", v);
    }
}
