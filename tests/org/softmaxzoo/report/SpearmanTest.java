package org.softmaxzoo.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SpearmanTest {
    @Test
    void monotoneSeriesCorrelatePerfectly() {
        assertEquals(1.0, Spearman.correlation(new double[] {1, 2, 3, 4}, new double[] {10, 20, 25, 100}), 1e-12);
        assertEquals(-1.0, Spearman.correlation(new double[] {1, 2, 3}, new double[] {3, 2, 1}), 1e-12);
    }

    @Test
    void textbookValueWithoutTies() {
        // d = rank differences (0, -1, 1, 0, 0): rho = 1 - 6 * 2 / (5 * 24) = 0.9.
        assertEquals(0.9, Spearman.correlation(new double[] {1, 2, 3, 4, 5}, new double[] {1, 3, 2, 4, 5}), 1e-12);
    }

    @Test
    void tiesShareTheirAverageRank() {
        assertArrayEquals(new double[] {1, 2.5, 2.5, 4}, Spearman.ranks(new double[] {0.1, 0.5, 0.5, 0.9}), 1e-12);
    }

    @Test
    void permutationPValueMatchesTheExactCountOverAllOrders() {
        // Four values: of the 24 orders of b only itself and its reverse reach |rho| = 1, so p = 2 / 24.
        double[] a = {1, 2, 3, 4};
        assertEquals(2.0 / 24, Spearman.permutationPValue(a, new double[] {5, 6, 7, 8}, 100_000, 7), 0.004);
        // Three values, rho = 0.5: the six orders give 1, 0.5, 0.5, -0.5, -0.5, -1, all at least as far from 0, so p = 1.
        assertEquals(1.0, Spearman.permutationPValue(new double[] {1, 2, 3}, new double[] {1, 3, 2}, 10_000, 7), 1e-12);
        // Five values, rho = 0.9: orders with |rho| >= 0.9 are those with sum d^2 <= 2 or >= 38: 1 + 4 (one adjacent swap)
        // and their 5 reverses, 10 of 120.
        assertEquals(10.0 / 120, Spearman.permutationPValue(new double[] {1, 2, 3, 4, 5}, new double[] {1, 3, 2, 4, 5}, 100_000, 7), 0.004);
    }

    @Test
    void permutationPValueOfAConstantSeriesIsNotANumber() {
        assertTrue(Double.isNaN(Spearman.permutationPValue(new double[] {1, 2, 3}, new double[] {4, 4, 4}, 100, 7)));
    }

    @Test
    void referenceTableHasBothDataSets() {
        assertEquals(53, ReferenceResults.all().size());
        assertEquals(27, ReferenceResults.all().stream().filter(r -> r.dataset().equals("mnist")).count());
        ReferenceResults.Row best = ReferenceResults.all().stream().filter(r -> r.dataset().equals("mnist"))
                .max(java.util.Comparator.comparingDouble(ReferenceResults.Row::bestAccuracy)).orElseThrow();
        assertEquals("mnist.softmax.weight_decay1e-3.feature2.arcface.scale10.margin30", best.experiment());
        assertEquals(23, best.bestEpoch());
    }
}
