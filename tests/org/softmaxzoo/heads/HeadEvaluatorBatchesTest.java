package org.softmaxzoo.heads;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** A head's loss averaged over batches of trained features, each batch on its own. */
class HeadEvaluatorBatchesTest {
    // W = I (2 x 2): the logits are the features themselves.
    private static final float[] W = {1, 0, 0, 1};
    private static final float[] X = {1, 0, 0, 1, 2, 0, 0, 0};
    private static final int[] Y = {0, 1, 1, 0};

    @Test
    void crossEntropyAveragedBatchByBatch() {
        // Batch 1: logits (1, 0) label 0 and (0, 1) label 1: log(1 + e^-1) = 0.3132617 each.
        // Batch 2: (2, 0) label 1: log(1 + e^2) = 2.1269280; (0, 0) label 0: log 2 = 0.6931472; mean 1.4100376.
        assertEquals((0.3132617 + 1.4100376) / 2, HeadEvaluator.meanOverBatches("softmax", X, W, 2, Y, null, 2, 2), 1e-6);
        assertEquals(0.3132617, HeadEvaluator.meanOverBatches("softmax", X, W, 2, Y, null, 2, 1), 1e-6);
    }

    @Test
    void aBatchTermSeesOnlyItsBatch() {
        // Range loss, intra part only (alpha 1, beta 0), k = 1: each class's largest squared distance within the batch.
        // Batch 1 holds one sample per class: no range, 0. Batch 2 likewise. Batches of 4 instead: class 0 has (1,0) and
        // (0,0), squared distance 1; class 1 has (0,1) and (2,0), squared distance 5: k / (1 / D) = D, sum 6 (+ the 1e-6 guard).
        String intra = "softmax+range(k=1,alpha=1,beta=0)";
        double ce2 = HeadEvaluator.meanOverBatches("softmax", X, W, 2, Y, null, 2, 2);
        assertEquals(0, HeadEvaluator.meanOverBatches(intra, X, W, 2, Y, null, 2, 2) - ce2, 1e-5);
        double ce4 = HeadEvaluator.meanOverBatches("softmax", X, W, 2, Y, null, 4, 1);
        assertEquals(6, HeadEvaluator.meanOverBatches(intra, X, W, 2, Y, null, 4, 1) - ce4, 1e-4);
    }

    @Test
    void tooManyBatchesIsAClearError() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> HeadEvaluator.meanOverBatches("softmax", X, W, 2, Y, null, 2, 3));
        assertTrue(e.getMessage().contains("3 batches of 2 need 6 rows, there are 4"), e.getMessage());
    }
}
