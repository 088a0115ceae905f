package org.softmaxzoo.cli;

import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.softmaxzoo.heads.HeadEvaluator;
import org.softmaxzoo.heads.core.LossHead;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "loss", mixinStandardHelpOptions = true,
        description = "Evaluate a head on given tensors and print {\"loss\": mean cross-entropy, \"logits\": [[...]]}.")
final class LossCommand implements Callable<Integer>, RunsTensorFlow {
    @Option(names = "--head", required = true, description = "Head spec, e.g. normface(s=10)")
    String head;

    @Option(names = "--features", required = true, description = "N x d CSV, no header")
    Path features;

    @Option(names = "--weights", required = true, description = "d x C CSV, no header (one column per class)")
    Path weights;

    @Option(names = "--labels", required = true, description = "N labels in 0..C-1 (integers)")
    Path labels;

    @Option(names = "--bias", description = "C values (heads with a bias; default zeros)")
    Path bias;

    @Override
    public Integer call() {
        float[][] w = CsvMatrix.read(weights);
        if (bias != null && !HeadParameters.names(head, w.length, w[0].length).contains(LossHead.BIAS)) {
            throw new IllegalArgumentException("--bias: head " + head + " has no bias; leave --bias out (softmax and "
                    + "temperature heads have one)");
        }
        HeadEvaluator.Evaluation e = HeadEvaluator.evaluate(head, CsvMatrix.read(features), w,
                CsvMatrix.readLabels(labels), bias == null ? null : CsvMatrix.readVector(bias));
        if (!Double.isFinite(e.loss())) {
            throw new IllegalStateException("the loss is " + e.loss() + ": the inputs or the head's arguments overflow "
                    + "float32 (check the scale s and the magnitudes in the CSV files)");
        }
        StringBuilder sb = new StringBuilder("{\"loss\": ").append(json(e.loss())).append(", \"logits\": [");
        for (int i = 0; i < e.lossLogits().length; i++) {
            sb.append(i == 0 ? "[" : ", [");
            for (int j = 0; j < e.lossLogits()[i].length; j++) {
                sb.append(j == 0 ? "" : ", ").append(json(e.lossLogits()[i][j]));
            }
            sb.append(']');
        }
        System.out.println(sb.append("]}"));
        return 0;
    }

    private static String json(double v) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, "%.9g", v) : "\"" + v + "\"";
    }
}
