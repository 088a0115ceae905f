package org.softmaxzoo.teaching;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Against the bound where a regular simplex fits, and hand-summed losses of polygons where it does not. */
class NormFaceBoundTest {

    @Test
    void triangleInThePlaneMeetsTheBound() {
        // 3 weights 120 degrees apart: cos = -1/2 = -1/(n-1), the simplex the bound needs.
        double l = 1.3;
        assertEquals(ScaleBounds.normFaceLowerBound(3, l), NormFaceBound.lossAtWeights(NormFaceBound.evenlySpacedOnCircle(3), l), 1e-12);
    }

    @Test
    void squareInThePlaneStaysAboveTheBound() {
        // Each weight has two neighbours at 90 degrees (cos 0) and one opposite (cos -1):
        // log(1 + 2 e^{-1} + e^{-2}) = log(1.871094) = 0.626523 at l = 1; the bound is log(1 + 3 e^{-4/3}) = 0.582658.
        double square = NormFaceBound.lossAtWeights(NormFaceBound.evenlySpacedOnCircle(4), 1);
        assertEquals(0.626523, square, 1e-6);
        assertEquals(0.582658, ScaleBounds.normFaceLowerBound(4, 1), 1e-6);
    }

    @Test
    void searchFindsTheSimplexWhereItFitsAndNotBelowThePolygonInThePlane() {
        // 4 classes in 3-d: the regular tetrahedron reaches the bound.
        assertEquals(ScaleBounds.normFaceLowerBound(4, 1), NormFaceBound.smallestLoss(4, 3, 1, 3, 7), 1e-6);
        // 4 classes in 2-d: the square (0.626523), well above the bound 0.582658.
        assertEquals(0.626523, NormFaceBound.smallestLoss(4, 2, 1, 3, 7), 1e-5);
        // 10 classes in 2-d (the MNIST petal setting): the regular decagon, log(1 + sum_k e^{cos(36k deg) - 1})
        // = log(1 + 3.657596) = 1.538499, against the bound 1.376935.
        double decagon = NormFaceBound.smallestLoss(10, 2, 1, 3, 7);
        assertEquals(1.538499, decagon, 1e-4);
        assertTrue(decagon > ScaleBounds.normFaceLowerBound(10, 1) + 0.15);
    }

    @Test
    void zeroWeightIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> NormFaceBound.lossAtWeights(new double[][] {{1, 0}, {0, 0}}, 1));
        assertThrows(IllegalArgumentException.class, () -> NormFaceBound.smallestLoss(1, 2, 1, 1, 1));
    }
}
