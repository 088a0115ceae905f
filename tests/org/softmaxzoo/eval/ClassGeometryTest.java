package org.softmaxzoo.eval;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

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
        assertEquals(6, g.table("t").columnCount());
        assertNull(ClassGeometry.of(features, labels, weights, null, 2).bias());
    }
}
