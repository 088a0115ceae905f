package org.softmaxzoo.eval;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ClassSpreadTest {

    @Test
    void distancesWorkedOutByHand() {
        // class 0: (0,0), (2,0) -> mean (1,0), each 1 away; class 1: (0,3), (0,5), (0,4) -> mean (0,4), distances 1, 1, 0;
        // class 2 has no features. Means (1,0) and (0,4) are sqrt(1 + 16) apart.
        float[] features = {0, 0, 0, 3, 2, 0, 0, 5, 0, 4};
        int[] labels = {0, 1, 0, 1, 1};
        ClassSpread s = ClassSpread.of(features, labels, 3);
        assertEquals(1, s.meanDistanceToMean()[0], 1e-12);
        assertEquals(2.0 / 3, s.meanDistanceToMean()[1], 1e-12);
        assertTrue(Double.isNaN(s.meanDistanceToMean()[2]));
        assertArrayEquals(new double[] {Math.sqrt(17), Math.sqrt(17)}, new double[] {s.nearestMeanDistance()[0], s.nearestMeanDistance()[1]}, 1e-12);
        assertTrue(Double.isNaN(s.nearestMeanDistance()[2]));
        assertEquals(1 / Math.sqrt(17), s.relativeSpread(0), 1e-12);
        // Mean over classes 0 and 1 (class 2 has none): (1 + 2/3) / 2 / sqrt(17).
        assertEquals(5.0 / 6 / Math.sqrt(17), s.meanRelativeSpread(), 1e-12);
    }

    @Test
    void nearestMeanIsTheClosestOfSeveralInThreeDimensions() {
        // Single features, so each class's mean is its feature and its spread is 0: means at
        // (0,0,0), (3,4,0) (5 away) and (0,0,2) (2 away from class 0, sqrt(29) from class 1).
        ClassSpread s = ClassSpread.of(new float[] {0, 0, 0, 3, 4, 0, 0, 0, 2}, new int[] {0, 1, 2}, 3);
        assertArrayEquals(new double[] {0, 0, 0}, s.meanDistanceToMean(), 1e-12);
        assertArrayEquals(new double[] {2, 5, 2}, s.nearestMeanDistance(), 1e-12);
    }

    @Test
    void oneClassHasNoNearestMeanAndBadInputIsRefused() {
        assertTrue(Double.isNaN(ClassSpread.of(new float[] {1, 1, 3, 3}, new int[] {0, 0}, 2).nearestMeanDistance()[0]));
        assertThrows(IllegalArgumentException.class, () -> ClassSpread.of(new float[] {1, 2, 3}, new int[] {0, 1}, 2));
        assertThrows(IllegalArgumentException.class, () -> ClassSpread.of(new float[] {1, 2}, new int[] {2}, 2));
    }
}
