package org.softmaxzoo.train;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.IntConsumer;
import org.softmaxzoo.graph.SessionOptions;
import org.softmaxzoo.heads.Heads;
import org.softmaxzoo.model.ThreeBlockCnn;

/**
 * Times the reference network on random 28x28 data: training steps (forward, backward, Adam) and
 * inference batches (forward to the logits), warm-up excluded, median of repeats.
 */
public final class TrainingBenchmark {

    public record Result(int batch, double[] trainImagesPerSecond, double[] inferImagesPerSecond,
                         Map<String, Long> profile, List<String> devices) {
        public double trainMedian() {
            return median(trainImagesPerSecond);
        }

        public double inferMedian() {
            return median(inferImagesPerSecond);
        }
    }

    private TrainingBenchmark() {
    }

    public static Result run(String head, int featureDim, int batch, int warmup, int steps, int repeats, SessionOptions options) {
        if (batch < 1 || steps < 1 || repeats < 1 || warmup < 0) {
            throw new IllegalArgumentException("batch, steps and repeats must be >= 1 and warm-up >= 0");
        }
        Random random = new Random(7);
        float[] px = new float[batch * 28 * 28];
        for (int i = 0; i < px.length; i++) {
            px[i] = random.nextFloat();
        }
        int[] labels = random.ints(batch, 0, 10).toArray();
        try (TrainingGraph g = new TrainingGraph(new ThreeBlockCnn(featureDim), Heads.create(head), 10, 28,
                TrainConfig.LEARNING_RATE, TrainConfig.WEIGHT_DECAY, TrainConfig.SEED, options)) {
            double[] train = rates(i -> g.train(px, labels, batch), batch, warmup, steps, repeats);
            Map<String, Long> profile = g.profileStep(px, labels, batch);
            double[] infer = rates(i -> g.logits(px, batch), batch, warmup, steps, repeats);
            return new Result(batch, train, infer, profile, g.devices());
        }
    }

    private static double[] rates(IntConsumer step, int batch, int warmup, int steps, int repeats) {
        for (int i = 0; i < warmup; i++) {
            step.accept(i);
        }
        double[] rates = new double[repeats];
        for (int r = 0; r < repeats; r++) {
            long start = System.nanoTime();
            for (int i = 0; i < steps; i++) {
                step.accept(i);
            }
            rates[r] = (double) batch * steps / ((System.nanoTime() - start) / 1e9);
        }
        return rates;
    }

    static double median(double[] values) {
        double[] s = values.clone();
        Arrays.sort(s);
        return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
    }
}
