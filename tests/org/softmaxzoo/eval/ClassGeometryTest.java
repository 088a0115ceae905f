package org.softmaxzoo.eval;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.softmaxzoo.testing.CirclePoints.at;
import static org.softmaxzoo.testing.CirclePoints.rows;

import org.junit.jupiter.api.Test;

class ClassGeometryTest {

    @Test
    void measuresWorkedOutByHand() {
        // class 0: (3,4) and (1,0) -> norms 5 and 1, mean (2,2) at 45 degrees; class 1: (0,-2), mean at -90 degrees.
        float[] features = {3, 4, 1, 0, 0, -2};
        int[] labels = {0, 0, 1};
        // W (2 x 2, one column per class): W_0 = (1, 0), W_1 = (0, -3)
        float[] weights = {1, 0, 0, -3};
        ClassGeometry g = ClassGeometry.of(features, labels, weights, new float[] {0.5f, -1}, 2);
        assertArrayEquals(new int[] {2, 1}, g.counts());
        assertArrayEquals(new double[] {3, 2}, g.meanFeatureNorms(), 1e-9);
        assertArrayEquals(new double[] {1, 3}, g.weightNorms(), 1e-9);
        assertArrayEquals(new double[] {45, 0}, g.centreAngleDegrees(), 1e-6);
        assertArrayEquals(new double[] {0.5, -1}, g.bias(), 1e-9);
        // Unit vectors at 53.13 (atan 4/3) and 0 degrees: mean direction halfway, each 26.57 degrees off it.
        assertArrayEquals(new double[] {Math.toDegrees(Math.atan2(4, 3)) / 2, 0}, g.spreadDegrees(), 1e-5);
        assertArrayEquals(new double[] {90, 90}, g.nearestWeightAngleDegrees(), 1e-9);
        assertEquals(8, g.table("t").columnCount());
        assertNull(ClassGeometry.of(features, labels, weights, null, 2).bias());
    }

    /** Class 0 at -20 and 20 degrees, class 1 at 80, 100 and 90, class 2 alone at 200; radii vary. */
    private static final float[] FEATURES = rows(at(-20, 1), at(20, 3), at(80, 2), at(100, 0.5), at(90, 1), at(200, 4));
    private static final int[] LABELS = {0, 0, 1, 1, 1, 2};

    @Test
    void anglesBetweenWeightsAndWithinClassesWorkedOutByHand() {
        // Weights at 0, 50 and 120 degrees (norms 1, 2, 0.5); d x C row-major: cosines, then sines.
        float[] w0 = at(0, 1);
        float[] w1 = at(50, 2);
        float[] w2 = at(120, 0.5);
        float[] weights = {w0[0], w1[0], w2[0], w0[1], w1[1], w2[1]};
        ClassGeometry g = ClassGeometry.of(FEATURES, LABELS, weights, null, 3);
        // Nearest other weight: W0 -> W1 50; W1 -> W0 50 (W2 is 70 away); W2 -> W1 70.
        assertArrayEquals(new double[] {50, 50, 70}, g.nearestWeightAngleDegrees(), 1e-5);
        assertEquals(50, g.minWeightAngleDegrees(), 1e-5);
        // Mean directions 0, 90, 200: class 0 both 20 off; class 1 10, 10, 0 -> 20/3; class 2 alone -> 0.
        assertArrayEquals(new double[] {20, 20.0 / 3, 0}, g.spreadDegrees(), 1e-4);
        // Over the six features: (2 * 20 + 3 * 20/3 + 0) / 6 = 10.
        assertEquals(10, g.meanSpreadDegrees(), 1e-4);
    }

    @Test
    void pairAnglesWorkedOutByHand() {
        PairAngles p = PairAngles.of(FEATURES, 2, LABELS);
        // Positive pairs: class 0: 40; class 1: 20 (80-100), 10, 10 -> mean 80/4 = 20.
        assertEquals(4, java.util.Arrays.stream(p.positiveCounts()).sum());
        assertEquals(20, p.meanPositiveDegrees(), 1e-4);
        // Negative pairs: class 0 x class 1: 100 120 110 60 80 70 (540); class 0 x class 2: 140 180 (320);
        // class 1 x class 2: 120 100 110 (330). 11 pairs, mean 1190 / 11.
        assertEquals(11, java.util.Arrays.stream(p.negativeCounts()).sum());
        assertEquals(1190.0 / 11, p.meanNegativeDegrees(), 1e-4);
    }

    @Test
    void pairAngleHistogramHasOneBinPerDegree() {
        // 0 and 10.5 (class 0), 100.25 and 180 (class 1): positives 10.5, 79.75; negatives 100.25, 180,
        // 89.75, 169.5. The 180-degree pair goes to the last bin.
        PairAngles p = PairAngles.of(rows(at(0, 1), at(10.5, 1), at(100.25, 1), at(180, 1)), 2, new int[] {0, 0, 1, 1});
        long[] positive = new long[PairAngles.BINS];
        positive[10] = 1;
        positive[79] = 1;
        long[] negative = new long[PairAngles.BINS];
        negative[100] = 1;
        negative[179] = 1;
        negative[89] = 1;
        negative[169] = 1;
        assertArrayEquals(positive, p.positiveCounts());
        assertArrayEquals(negative, p.negativeCounts());
    }

    @Test
    void fastArcCosineAgreesWithMathAcos() {
        for (int i = -2000; i <= 2000; i++) {
            double c = i / 2000.0;
            assertEquals(Math.toDegrees(Math.acos(c)), PairAngles.acosDegrees(c), 2e-6, "cos " + c);
        }
        assertEquals(0, PairAngles.acosDegrees(1.0000001), 2e-6);
        assertEquals(180, PairAngles.acosDegrees(-1.0000001), 2e-6);
    }

    @Test
    void withoutWeightsOnlyTheWeightMeasurementsAreMissing() {
        EmbeddingGeometry e = EmbeddingGeometry.of(FEATURES, 2, LABELS, null, 4);
        assertTrue(Double.isNaN(e.summary().minWeightAngle()));
        assertTrue(Double.isNaN(e.classes().weightNorms()[0]));
        assertTrue(Double.isNaN(e.classes().spreadDegrees()[3]), "class 3 has no features");
        assertEquals(10, e.summary().meanSpread(), 1e-4);
        assertEquals(20, e.summary().meanPositivePair(), 1e-4);
        assertArrayEquals(new double[] {1, 3, 2, 0.5, 1, 4}, e.featureNorms(), 1e-6);
    }
}
