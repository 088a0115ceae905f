package org.softmaxzoo.graph;

import java.util.Random;

/** Produces the initial values of a parameter (row-major, {@code count} floats). */
@FunctionalInterface
public interface Initializer {
    float[] values(int count, Random random);

    static Initializer constant(float value) {
        return (count, random) -> {
            float[] v = new float[count];
            java.util.Arrays.fill(v, value);
            return v;
        };
    }

    /** Uniform on [-bound, bound]; PyTorch's default for linear and conv layers uses bound = 1/sqrt(fan_in). */
    static Initializer uniform(double bound) {
        return (count, random) -> {
            float[] v = new float[count];
            for (int i = 0; i < count; i++) {
                v[i] = (float) ((random.nextDouble() * 2 - 1) * bound);
            }
            return v;
        };
    }

    /** PyTorch's default for {@code nn.Linear} and {@code nn.Conv2d} weights and biases: U(-1/sqrt(fan_in), 1/sqrt(fan_in)). */
    static Initializer fanIn(long fanIn) {
        return uniform(1.0 / Math.sqrt(fanIn));
    }
}
