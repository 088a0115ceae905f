package org.softmaxzoo.report;

import java.util.List;

/**
 * The values of one quantity over the seeds that measured it (a row's best accuracies, a head's AUCs):
 * count, mean, sample standard deviation (n - 1) and range. NaN statistics where there are too few
 * values (no mean of nothing, no standard deviation of one value).
 */
public record Sample(List<Double> values) {
    public Sample {
        values = List.copyOf(values);
    }

    public static Sample of(double... values) {
        return new Sample(java.util.Arrays.stream(values).boxed().toList());
    }

    public int n() {
        return values.size();
    }

    public double mean() {
        return values.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
    }

    /** Sample standard deviation (n - 1); NaN for fewer than two values. */
    public double std() {
        if (n() < 2) {
            return Double.NaN;
        }
        double m = mean();
        return Math.sqrt(values.stream().mapToDouble(a -> (a - m) * (a - m)).sum() / (n() - 1));
    }

    public double min() {
        return values.stream().mapToDouble(Double::doubleValue).min().orElse(Double.NaN);
    }

    public double max() {
        return values.stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN);
    }
}
