package org.softmaxzoo.train;

import java.util.Arrays;
import java.util.Map;
import java.util.Random;
import org.softmaxzoo.graph.SessionOptions;
import org.softmaxzoo.heads.Heads;
import org.softmaxzoo.model.ReferenceCnn;

/** Times training steps of the reference network on random 28x28 data (warm-up excluded, median of repeats). */
public final class TrainingBenchmark {

    public record Result(int batch, int steps, int repeats, double[] imagesPerSecond, Map<String, Long> profile) {
        public double median() {
            double[] s = imagesPerSecond.clone();
            Arrays.sort(s);
            return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
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
        double[] rates = new double[repeats];
        try (TrainingGraph g = new TrainingGraph(new ReferenceCnn(featureDim), Heads.create(head), 10, 28,
                TrainConfig.LEARNING_RATE, TrainConfig.WEIGHT_DECAY, TrainConfig.SEED, options)) {
            for (int i = 0; i < warmup; i++) {
                g.train(px, labels, batch);
            }
            Map<String, Long> profile = g.profileStep(px, labels, batch);
            for (int r = 0; r < repeats; r++) {
                long start = System.nanoTime();
                for (int i = 0; i < steps; i++) {
                    g.train(px, labels, batch);
                }
                rates[r] = (double) batch * steps / ((System.nanoTime() - start) / 1e9);
            }
            return new Result(batch, steps, repeats, rates, profile);
        }
    }
}
