package org.softmaxzoo.heads.terms;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.softmaxzoo.graph.VariableStore;
import org.softmaxzoo.heads.core.HeadInput;
import org.tensorflow.Graph;
import org.tensorflow.op.Ops;
import org.softmaxzoo.heads.Heads;
import org.softmaxzoo.heads.spec.SpecException;

/**
 * Center loss against a four-sample batch worked by hand: features (3,4), (0,1), (0,4) of class 1 and
 * (-2,0) of class 0, centres c_0 = (-1,0), c_1 = (1,2), c_2 = (5,5) (class 2 absent from the batch).
 * Squared distances to the own centre: 8, 2, 5 and 1, sum 16, batch mean 4.
 */
class CenterLossTest {
    private static final float[][] X = {{3, 4}, {0, 1}, {-2, 0}, {0, 4}};
    private static final int[] Y = {1, 1, 0, 1};
    private static final float[] CENTERS = {-1, 0, 1, 2, 5, 5};

    private static TermHarness.Evaluation at(String spec) {
        return TermHarness.evaluate(TermHarness.term(spec), X, Y, 3, Map.of(CenterLoss.CENTERS, CENTERS), TermHarness.FEATURES,
                CenterLoss.CENTERS);
    }

    @Test
    void termIsHalfLambdaTimesTheBatchMeanOfSquaredDistances() {
        // lambda/2 * 16/4 = 0.1/2 * 4 = 0.2 (the batch sum, as before issue 23, would give 0.8).
        assertEquals(0.2, at("center(lambda=0.1)").value(), 1e-6);
        assertEquals(0.2, at("center(lambda=0.1,update=sgd)").value(), 1e-6);
    }

    @Test
    void featureGradientIsLambdaOverBatchTimesOffsetFromOwnCentre() {
        // d/dx_i = lambda/m (x_i - c_{y_i}) = 0.025 * ((2,2), (-1,-1), (-1,0), (-1,2)).
        float[] expected = {0.05f, 0.05f, -0.025f, -0.025f, -0.025f, 0, -0.025f, 0.05f};
        assertArrayEquals(expected, at("center(lambda=0.1)").gradient(TermHarness.FEATURES), 1e-6f);
    }

    @Test
    void alphaRuleMovesEachPresentCentreTowardItsBatchMean() {
        // c_j + alpha n_j/(1 + n_j) (mean_j - c_j): class 0 (n 1, mean (-2,0)): (-1,0) + 1/4 (-1,0) = (-1.25, 0);
        // class 1 (n 3, mean (1,3)): (1,2) + 3/8 (0,1) = (1, 2.375); class 2, absent, stays (5,5).
        float[] after = TermHarness.stateAfterOneStep(TermHarness.term("center(lambda=0.1,alpha=0.5)"), X, Y, 3,
                CenterLoss.CENTERS, CENTERS);
        assertArrayEquals(new float[] {-1.25f, 0, 1, 2.375f, 5, 5}, after, 1e-6f);
        // alpha = 1 moves a class seen n times n/(1+n) of the way: class 1 to (1, 2 + 3/4).
        float[] full = TermHarness.stateAfterOneStep(TermHarness.term("center(lambda=0.1,alpha=1)"), X, Y, 3,
                CenterLoss.CENTERS, CENTERS);
        assertArrayEquals(new float[] {-1.5f, 0, 1, 2.75f, 5, 5}, full, 1e-6f);
    }

    @Test
    void trainedCentresGetTheTermsGradient() {
        // update=sgd: d/dc_j = -lambda/m sum_{y_i=j} (x_i - c_j): c_0: -0.025 (-1,0); c_1: -0.025 (0,3); c_2: 0.
        assertArrayEquals(new float[] {0.025f, 0, 0, -0.075f, 0, 0}, at("center(lambda=0.1,update=sgd)").gradient(CenterLoss.CENTERS), 1e-6f);
    }

    @Test
    void alphaCentresAreStateWithAnUpdateAndSgdCentresAreTrainableWithout() {
        try (Graph g = new Graph()) {
            Ops tf = Ops.create(g);
            for (String update : new String[] {"alpha", "sgd"}) {
                VariableStore store = new VariableStore(tf, 1);
                HeadInput in = new HeadInput(tf.constant(X), tf.constant(Y),
                        tf.oneHot(tf.constant(Y), tf.constant(3), tf.constant(1f), tf.constant(0f)), 3, 2);
                TermHarness.term("center(update=" + update + ")").loss(tf, in, store);
                boolean sgd = update.equals("sgd");
                assertEquals(sgd, store.get(CenterLoss.CENTERS).trainable(), update);
                assertEquals(sgd ? 0 : 1, store.updates().size(), update);
            }
        }
    }

    @Test
    void specsPrintTheUpdateOnlyWhenNotThePapersAndRefuseAlphaWithSgd() {
        assertEquals("softmax+center(lambda=0.003,alpha=0.5)", Heads.create("softmax+center").spec());
        assertEquals("softmax+center(lambda=0.01,update=sgd)", Heads.create("softmax+center(lambda=0.01,update=sgd)").spec());
        assertEquals("center: alpha only applies with update=alpha (with update=sgd the optimizer moves the centres); drop alpha",
                assertThrows(SpecException.class, () -> Heads.create("softmax+center(alpha=0.5,update=sgd)")).getMessage());
        assertThrows(SpecException.class, () -> Heads.create("softmax+center(update=adam)"));
    }
}
