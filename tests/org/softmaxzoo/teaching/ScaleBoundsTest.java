package org.softmaxzoo.teaching;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** Against values worked out by hand and the cross-entropy itself. */
class ScaleBoundsTest {

    @Test
    void planarLossOnWeightByHand() {
        // two classes, weights opposite: logits s f and -s: log(1 + e^{-2}) at s = 1, f = 1
        assertEquals(Math.log1p(Math.exp(-2)), ScaleBounds.planarLossOnWeight(1, 1, 2), 1e-12);
        // four classes at 90 degrees: the others' cosines are 0, -1, 0
        assertEquals(Math.log1p(2 * Math.exp(-5) + Math.exp(-10)), ScaleBounds.planarLossOnWeight(5, 1, 4), 1e-12);
        // CosFace s = 10, m = 0.35 over ten classes in the plane: 2.3865 (a neighbour at 36 deg has cos 0.809 > 0.65)
        assertEquals(2.386503, ScaleBounds.planarLossOnWeight(10, 0.65, 10), 1e-6);
        assertEquals(0.260987, ScaleBounds.planarLossOnWeight(10, 1, 10), 1e-6);
    }

    @Test
    void normFaceBoundQuotedForCasiaWebFace() {
        // log(1 + 10574 e^{-10575/10574}) = log(1 + 3889.6) = 8.266
        assertEquals(8.266, ScaleBounds.normFaceLowerBound(10575, 1), 1e-3);
        // n = 10, l = 1: log(1 + 9 e^{-10/9}) = log(1 + 9 * 0.32919) = log(3.9627) = 1.3769
        assertEquals(1.3769, ScaleBounds.normFaceLowerBound(10, 1), 1e-4);
    }

    @Test
    void normFaceBoundIsTheLossAtTheOptimalConfiguration() {
        // n = 2: class weights opposite, features on them: logits l^2 and -l^2; the bound is that loss.
        double l = 1.7;
        assertEquals(SoftmaxMath.crossEntropy(new double[] {l * l, -l * l}, 0), ScaleBounds.normFaceLowerBound(2, l), 1e-12);
    }

    @Test
    void cosFaceScaleBound() {
        // c = 10, p = 0.9: 0.9 * log(9 * 0.9 / 0.1) = 0.9 * log(81) = 3.9550
        assertEquals(3.9550, ScaleBounds.cosFaceMinScale(10, 0.9), 1e-4);
        assertThrows(IllegalArgumentException.class, () -> ScaleBounds.cosFaceMinScale(10, 1));
    }

    @Test
    void targetGradientMatchesAFiniteDifferenceOfTheCrossEntropy() {
        double s = 8;
        double cosOther = 0.1;
        double cosTarget = 0.6;
        double h = 1e-6;
        double up = SoftmaxMath.crossEntropy(logits(s, cosTarget + h, cosOther, 5), 0);
        double down = SoftmaxMath.crossEntropy(logits(s, cosTarget - h, cosOther, 5), 0);
        assertEquals(-(up - down) / (2 * h), ScaleBounds.targetCosineGradient(s, cosTarget, cosOther, 5), 1e-6);
    }

    private static double[] logits(double s, double cosTarget, double cosOther, int c) {
        double[] z = new double[c];
        z[0] = s * cosTarget;
        for (int j = 1; j < c; j++) {
            z[j] = s * cosOther;
        }
        return z;
    }

    @Test
    void targetProbabilityQuotedInTheMaterial() {
        // Unit scale, 4 classes, target cos 1, others 0: e / (e + 3) = 47.54%; at s = 60 about 100%.
        assertEquals(0.4754, ScaleBounds.targetProbability(1, 1, 0, 4), 5e-5);
        assertEquals(1.0, ScaleBounds.targetProbability(60, 1, 0, 4), 1e-20);
        // NormFace's best case at unit norms: e / (e + (n - 1) e^-1) = e^2 / (e^2 + n - 1):
        // n = 10: 7.389056 / 16.389056 = 0.450853; n = 1000: 7.389056 / 1006.389056 = 0.007342.
        assertEquals(0.450853, ScaleBounds.targetProbability(1, 1, -1, 10), 1e-6);
        assertEquals(0.007342, ScaleBounds.targetProbability(1, 1, -1, 1000), 1e-6);
    }

    @Test
    void gradientOfAnEasySampleAtALargeScaleIsSmallButNotZero() {
        // s = 64, cos theta_y = 1, nine others at 0: s * 9 e^-64 / (1 + 9 e^-64) = 9.2380e-26 (a log-scale plot needs it > 0).
        assertEquals(9.2380e-26, ScaleBounds.targetCosineGradient(64, 1, 0, 10), 1e-30);
    }

    @Test
    void chanceLossOfTheCasiaWebFaceRun() {
        // The quoted start of NormFace's CASIA-WebFace loss, 9.27, is the loss of equal logits: log 10575 = 9.2662.
        assertEquals(9.2662, SoftmaxMath.crossEntropy(new double[10575], 0), 1e-4);
    }
}
