package org.softmaxzoo.teaching;

import java.util.List;

/**
 * The heated-up softmax paper's toy: features and class weights both normalized, so a feature is an
 * angle theta on the unit circle and the logits are alpha cos(theta - phi_k), phi_k the class weights'
 * angles. With the weights held fixed, the cross-entropy's gradient with respect to the feature's angle,
 * dL/dtheta = -alpha sum_k (p_k - [k = y]) sin(theta - phi_k), is how fast gradient descent moves the
 * sample along the circle: the scale alpha decides which samples move. The source's claims: as alpha
 * grows from 0, a hard sample's gradient keeps growing; an easy one's first grows, then shrinks to 0;
 * boundary samples (near the bisector) move well only at a moderate alpha.
 * <p>Zhang, Zhou, Lin and Luo, "Heated-Up Softmax Embedding", 2018.
 */
public final class HeatedUpToy {
    /** A sample: its class, its kind (easy, boundary, hard) and its starting angle in radians. */
    public record Sample(int label, String kind, double angle) {
    }

    private final double[] weightAngles;

    /** Class weights at the given angles (radians). */
    public HeatedUpToy(double... weightAngles) {
        if (weightAngles.length < 2) {
            throw new IllegalArgumentException("the toy needs at least two class weights, got " + weightAngles.length);
        }
        this.weightAngles = weightAngles.clone();
    }

    /**
     * The toy drawn in the notebook: three classes at 90, 210 and 330 degrees, and six samples of class 0
     * (weight at 90 degrees): easy 10 degrees off its weight, boundary 55 degrees off (5 degrees inside the
     * bisector with a neighbour), hard 100 degrees off (past the bisector, 20 degrees from a neighbour's weight),
     * one of each on either side.
     */
    public static HeatedUpToy threeClasses() {
        return new HeatedUpToy(Math.toRadians(90), Math.toRadians(210), Math.toRadians(330));
    }

    public static final List<Sample> SAMPLES = List.of(
            new Sample(0, "easy", Math.toRadians(80)), new Sample(0, "easy", Math.toRadians(100)),
            new Sample(0, "boundary", Math.toRadians(145)), new Sample(0, "boundary", Math.toRadians(35)),
            new Sample(0, "hard", Math.toRadians(190)), new Sample(0, "hard", Math.toRadians(-10)));

    public double[] weightAngles() {
        return weightAngles.clone();
    }

    /** The logits alpha cos(theta - phi_k). */
    public double[] logits(double alpha, double theta) {
        double[] z = new double[weightAngles.length];
        for (int k = 0; k < z.length; k++) {
            z[k] = alpha * Math.cos(theta - weightAngles[k]);
        }
        return z;
    }

    /** The softmax probabilities of the classes at scale alpha. */
    public double[] probabilities(double alpha, double theta) {
        return SoftmaxMath.softmax(logits(alpha, theta));
    }

    /** dL/dtheta of the cross-entropy for a sample of class {@code label} at angle theta. */
    public double angularGradient(double alpha, int label, double theta) {
        double[] p = probabilities(alpha, theta);
        double g = 0;
        for (int k = 0; k < p.length; k++) {
            g -= alpha * (p[k] - (k == label ? 1 : 0)) * Math.sin(theta - weightAngles[k]);
        }
        return g;
    }

    /** The angles a sample passes through in {@code steps} steps of gradient descent at {@code rate} (steps + 1 values). */
    public double[] descend(double alpha, Sample sample, double rate, int steps) {
        double[] path = new double[steps + 1];
        path[0] = sample.angle();
        for (int i = 1; i <= steps; i++) {
            path[i] = path[i - 1] - rate * angularGradient(alpha, sample.label(), path[i - 1]);
        }
        return path;
    }
}
