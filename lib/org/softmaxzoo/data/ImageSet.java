package org.softmaxzoo.data;

import java.util.Arrays;
import java.util.function.IntPredicate;

/**
 * Labelled grey-scale images held in memory: pixels scaled to [0, 1], row-major, one image after
 * another ({@code size * height * width} floats).
 */
public record ImageSet(float[] pixels, int[] labels, int height, int width, int numClasses) {

    public ImageSet {
        if (pixels.length != (long) labels.length * height * width) {
            throw new IllegalArgumentException("pixels do not match " + labels.length + " images of " + height + "x" + width);
        }
    }

    public int size() {
        return labels.length;
    }

    public int imageSize() {
        return height * width;
    }

    /** The first {@code n} images (all of them if {@code n} is at least the size). */
    public ImageSet limit(int n) {
        if (n >= size()) {
            return this;
        }
        return new ImageSet(Arrays.copyOf(pixels, n * imageSize()), Arrays.copyOf(labels, n), height, width, numClasses);
    }

    /** The images whose label passes the test, in their original order. */
    public ImageSet filterLabels(IntPredicate keep) {
        return select(java.util.stream.IntStream.range(0, size()).filter(i -> keep.test(labels[i])).toArray());
    }

    /** The number of images of each class 0 .. numClasses - 1 (a long-tail split's histogram). */
    public int[] classCounts() {
        int[] counts = new int[numClasses];
        for (int label : labels) {
            counts[label]++;
        }
        return counts;
    }

    /**
     * Every image of the other classes and only the first {@code fraction} of class {@code label}'s
     * (at least one), in their original order: a class made rare, for class-imbalance experiments.
     */
    public ImageSet thinClass(int label, double fraction) {
        if (!(fraction > 0 && fraction <= 1)) {
            throw new IllegalArgumentException("fraction must be in (0, 1], got " + fraction);
        }
        long keep = Math.max(1, Math.round(classCounts()[label] * fraction));
        int[] seen = {0};
        return select(java.util.stream.IntStream.range(0, size())
                .filter(i -> labels[i] != label || seen[0]++ < keep).toArray());
    }

    private ImageSet select(int[] chosen) {
        float[] px = new float[chosen.length * imageSize()];
        int[] lb = new int[chosen.length];
        for (int k = 0; k < chosen.length; k++) {
            System.arraycopy(pixels, chosen[k] * imageSize(), px, k * imageSize(), imageSize());
            lb[k] = labels[chosen[k]];
        }
        return new ImageSet(px, lb, height, width, numClasses);
    }

    /** The same images with a smaller label space (all labels must lie below it), e.g. 8 classes after keeping 0-7. */
    public ImageSet withNumClasses(int classes) {
        for (int label : labels) {
            if (label >= classes) {
                throw new IllegalArgumentException("label " + label + " does not fit " + classes + " classes");
            }
        }
        return new ImageSet(pixels, labels, height, width, classes);
    }
}
