package org.softmaxzoo.heads.terms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.softmaxzoo.heads.Heads;
import org.softmaxzoo.heads.spec.SpecException;

/**
 * Range loss against a batch worked by hand (4 classes, class 3 absent):
 * class 0: (0,0), (3,0), (0,4), squared distances 9, 16, 25; class 1: (10,0), (10,2), one pair, 4;
 * class 2: (0,10) alone. Means: (1, 4/3), (10, 1), (0, 10); squared distances between them
 * 81 + 1/9, 1 + (26/3)^2 = 76.11, 181: the closest pair is classes 0 and 2.
 */
class RangeLossTest {
    private static final float[][] X = {{0, 0}, {10, 0}, {3, 0}, {0, 10}, {0, 4}, {10, 2}};
    private static final int[] Y = {0, 1, 0, 2, 0, 1};
    private static final double CLOSEST = 1 + Math.pow(26.0 / 3, 2);

    private static double value(String spec, float[][] x, int[] y) {
        return TermHarness.evaluate(TermHarness.term(spec), x, y, 4, Map.of()).value();
    }

    @Test
    void intraTermIsTheHarmonicMeanOfEachClassesLargestRanges() {
        // k = 2: class 0: 2 / (1/25 + 1/16); class 1 has one pair: 1 / (1/4) = 4; class 2 alone: nothing.
        double intra = 2 / (1.0 / 25 + 1.0 / 16) + 4;
        assertEquals(intra, value("range(k=2,alpha=1,beta=0)", X, Y), 1e-3);
        // k = 1: the largest range of each class, 25 + 4; k = 5: all three pairs of class 0.
        assertEquals(29, value("range(k=1,alpha=1,beta=0)", X, Y), 1e-3);
        assertEquals(3 / (1.0 / 9 + 1.0 / 16 + 1.0 / 25) + 4, value("range(k=5,alpha=1,beta=0)", X, Y), 1e-3);
    }

    @Test
    void interTermIsTheMarginMinusTheClosestCentresWhenInside() {
        assertEquals(100 - CLOSEST, value("range(margin=100,alpha=0,beta=1)", X, Y), 1e-3);
        assertEquals(0, value("range(margin=50,alpha=0,beta=1)", X, Y), 1e-6);
        // Weighted sum: 0.1 intra + 0.5 inter.
        double intra = 2 / (1.0 / 25 + 1.0 / 16) + 4;
        assertEquals(0.1 * intra + 0.5 * (100 - CLOSEST), value("range(margin=100,alpha=0.1,beta=0.5)", X, Y), 1e-3);
    }

    @Test
    void singleSamplesAndASingleClassGiveNothing() {
        // Every class once: no ranges; centres (0,0), (3,0) 9 apart squared: inter 100 - 9.
        assertEquals(91, value("range(margin=100,alpha=1,beta=1)", new float[][] {{0, 0}, {3, 0}}, new int[] {0, 1}), 1e-3);
        // One class only: no pair of centres: the intra term alone, 2 / (1/25 + 1/16).
        assertEquals(2 / (1.0 / 25 + 1.0 / 16), value("range(margin=100,alpha=1,beta=1)", new float[][] {{0, 0}, {3, 0}, {0, 4}},
                new int[] {2, 2, 2}), 1e-3);
        // One sample in all: both terms 0 (and top-k still defined with fewer than k pairs).
        assertEquals(0, value("range(margin=100,alpha=1,beta=1)", new float[][] {{1, 1}}, new int[] {3}), 1e-6);
    }

    @Test
    void gradientsAreFiniteAndMatchFiniteDifferences() {
        // Includes two coinciding samples of class 1 (range 0) next to the worked batch.
        float[][] x = {{0, 0}, {10, 0}, {3, 0}, {0, 10}, {0, 4}, {10, 2}, {10, 2}};
        int[] y = {0, 1, 0, 2, 0, 1, 1};
        LossTerm term = TermHarness.term("range(k=2,margin=100,alpha=0.1,beta=0.5)");
        float[] grad = TermHarness.evaluate(term, x, y, 4, Map.of(), TermHarness.FEATURES).gradient(TermHarness.FEATURES);
        for (int i = 0; i < x.length; i++) {
            for (int c = 0; c < 2; c++) {
                assertTrue(Float.isFinite(grad[i * 2 + c]), "d/dx[" + i + "][" + c + "] finite");
                if (i < 5) { // away from the zero range, where the reciprocal's floor bends the finite difference
                    double numeric = TermHarness.featureDifference(term, x, y, 4, Map.of(), i, c, 1e-2);
                    assertEquals(numeric, grad[i * 2 + c], 2e-3 + 2e-2 * Math.abs(numeric), "d/dx[" + i + "][" + c + "]");
                }
            }
        }
    }

    @Test
    void specParsesPrintsAndRefuses() {
        assertEquals("softmax+range(k=2,margin=100,alpha=0.001,beta=0.001)", Heads.create("softmax+range").spec());
        assertEquals("normface(s=10)+range(k=3,margin=20,alpha=0.01,beta=0)", Heads.create("normface(s=10)+range(k=3,margin=20,alpha=0.01,beta=0)").spec());
        assertThrows(SpecException.class, () -> Heads.create("softmax+range(k=0)"));
        assertThrows(SpecException.class, () -> Heads.create("softmax+range(margin=-1)"));
    }
}
