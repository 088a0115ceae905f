package org.softmaxzoo.teaching;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Against the values quoted in the material (computed independently) and finite differences. */
class SoftmaxMathTest {

    @Test
    void quotedSoftmaxValues() {
        double[] p = SoftmaxMath.softmax(new double[] {1.1, 2.2, 5.0, 10.1});
        assertEquals(1.2260e-04, p[0], 5e-9);
        assertEquals(3.6832e-04, p[1], 5e-9);
        assertEquals(6.0568e-03, p[2], 5e-8);
        assertEquals(9.9345e-01, p[3], 5e-6);
    }

    @Test
    void naiveSoftmaxOverflowsAndTheShiftedOneDoesNot() {
        double[] z = {5, 1, 10000, 6};
        assertTrue(Double.isNaN(SoftmaxMath.naiveSoftmax(z)[2]));
        assertArrayEquals(new double[] {0, 0, 1, 0}, SoftmaxMath.softmax(z), 1e-300);
    }

    @Test
    void linearNormalizationAgainstSoftmax() {
        assertArrayEquals(new double[] {1 / 3.0, 1 / 3.0, 1 / 3.0}, SoftmaxMath.softmax(new double[] {1, 1, 1}), 1e-12);
        assertArrayEquals(new double[] {0.5, 0.25, 0.25}, SoftmaxMath.linearNormalize(new double[] {2, 1, 1}), 1e-12);
        assertEquals(0.576, SoftmaxMath.softmax(new double[] {2, 1, 1})[0], 5e-4);
        assertEquals(0.212, SoftmaxMath.softmax(new double[] {2, 1, 1})[1], 5e-4);
        assertEquals(0.965, SoftmaxMath.softmax(new double[] {5, 1, 1})[0], 5e-4);
        assertEquals(0.0177, SoftmaxMath.softmax(new double[] {5, 1, 1})[1], 5e-5);
        assertEquals(0.987, SoftmaxMath.softmax(new double[] {10, 5, 5})[0], 5e-4);
        assertEquals(0.0066, SoftmaxMath.softmax(new double[] {10, 5, 5})[1], 5e-5);
    }

    @Test
    void temperatureSoftensAndCrossEntropyIsLogSumExp() {
        double[] z = {1.1, 2.2, 5.0, 10.1};
        assertTrue(SoftmaxMath.softmax(z, 5)[3] < SoftmaxMath.softmax(z, 1)[3]);
        assertArrayEquals(SoftmaxMath.softmax(new double[] {0.55, 1.1, 2.5, 5.05}), SoftmaxMath.softmax(z, 2), 1e-12);
        assertEquals(-Math.log(SoftmaxMath.softmax(z)[1]), SoftmaxMath.crossEntropy(z, 1), 1e-12);
    }

    @Test
    void softTargetGradientMatchesFiniteDifferences() {
        double[] student = {0.5, -1, 2};
        double[] teacher = {2, 0.3, -0.7};
        double t = 3;
        double[] g = SoftmaxMath.softTargetGradient(student, teacher, t);
        double[] p = SoftmaxMath.softmax(teacher, t);
        for (int i = 0; i < 3; i++) {
            double h = 1e-6;
            double[] up = student.clone();
            double[] down = student.clone();
            up[i] += h;
            down[i] -= h;
            double numeric = (softCe(up, p, t) - softCe(down, p, t)) / (2 * h);
            assertEquals(numeric, g[i], 1e-7);
        }
    }

    private static double softCe(double[] student, double[] p, double t) {
        double[] q = SoftmaxMath.softmax(student, t);
        double ce = 0;
        for (int i = 0; i < q.length; i++) {
            ce -= p[i] * Math.log(q[i]);
        }
        return ce;
    }

    @Test
    void crossEntropyIsTheKlDivergencePlusTheEntropy() {
        // p = (0.5, 0.25, 0.25), q = (0.25, 0.5, 0.25): H(p) = 1.5 ln 2 = 1.039721, H(p, q) = 0.5 ln 4 + 0.25 ln 2
        // + 0.25 ln 4 = 1.75 ln 2 = 1.213008, KL = 0.5 ln 2 - 0.25 ln 2 = 0.25 ln 2 = 0.173287.
        double[] p = {0.5, 0.25, 0.25};
        double[] q = {0.25, 0.5, 0.25};
        assertEquals(1.5 * Math.log(2), SoftmaxMath.entropy(p), 1e-12);
        assertEquals(1.75 * Math.log(2), SoftmaxMath.crossEntropy(p, q), 1e-12);
        assertEquals(0.25 * Math.log(2), SoftmaxMath.klDivergence(p, q), 1e-12);
        // One-hot label: H(p) = 0, so KL = CE = -log q_y.
        double[] oneHot = {0, 1, 0};
        assertEquals(-Math.log(0.5), SoftmaxMath.klDivergence(oneHot, q), 1e-12);
        assertEquals(0, SoftmaxMath.entropy(oneHot), 0);
        assertThrows(IllegalArgumentException.class, () -> SoftmaxMath.klDivergence(new double[] {0.5, 0.6}, new double[] {0.5, 0.5}));
    }

    @Test
    void logSoftmaxStaysFiniteWhereTheNaiveFormOverflows() {
        // The material's example logits {1000, 2000, 3000}: log softmax = z - 3000 - log(1 + e^-1000 + e^-2000).
        double[] z = {1000, 2000, 3000};
        double[] log = SoftmaxMath.logSoftmax(z);
        assertArrayEquals(new double[] {-2000, -1000, 0}, log, 1e-9);
        assertTrue(Double.isNaN(Math.log(SoftmaxMath.naiveSoftmax(z)[2])));
        // Small logits: the same as log of the softmax.
        double[] small = {0.3, -1.2, 2.0};
        double[] p = SoftmaxMath.softmax(small);
        for (int i = 0; i < 3; i++) {
            assertEquals(Math.log(p[i]), SoftmaxMath.logSoftmax(small)[i], 1e-12);
        }
    }

    @Test
    void theMaterialsScaleAndMarginExamples() {
        // {1, 0, 0, 0}: exponentials {e, 1, 1, 1}, e / (e + 3) = 0.475367, 1 / (e + 3) = 0.174878.
        double[] p = SoftmaxMath.softmax(new double[] {1, 0, 0, 0});
        assertEquals(0.4754, p[0], 5e-5);
        assertEquals(0.1749, p[1], 5e-5);
        // s = 60: 1 / (1 + 3 e^-60) = 1 - 2.6e-26, which is 1 in double precision.
        assertEquals(1.0, SoftmaxMath.softmax(new double[] {60, 0, 0, 0})[0], 0);
        // and its loss log(1 + 3 e^-60) = 3 e^-60 = 2.6270e-26 is kept, not rounded to 0.
        assertEquals(2.6270e-26, SoftmaxMath.crossEntropy(new double[] {60, 0, 0, 0}, 0), 1e-30);
        // {5, 1, 1, 1}: e^4 / (e^4 + 3) = 54.598 / 57.598 = 0.947915; {4, 1, 1, 1}: e^3 / (e^3 + 3) = 0.870049.
        assertEquals(0.947915, SoftmaxMath.softmax(new double[] {5, 1, 1, 1})[0], 1e-6);
        assertEquals(0.870049, SoftmaxMath.softmax(new double[] {4, 1, 1, 1})[0], 1e-6);
        // so the loss -log p_y grows from 0.053490 to 0.139206: the margin gives the sample gradient again.
        assertEquals(0.053490, SoftmaxMath.crossEntropy(new double[] {5, 1, 1, 1}, 0), 1e-6);
        assertEquals(0.139206, SoftmaxMath.crossEntropy(new double[] {4, 1, 1, 1}, 0), 1e-6);
    }
}
