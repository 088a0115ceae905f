package org.softmaxzoo.heads;

import org.softmaxzoo.heads.catalog.*;
import org.softmaxzoo.heads.core.*;
import org.softmaxzoo.heads.margins.*;
import org.softmaxzoo.heads.spec.*;
import org.softmaxzoo.teaching.Distillation;
import org.softmaxzoo.heads.terms.*;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.softmaxzoo.graph.FloatTensors;
import org.softmaxzoo.graph.VariableStore;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/** Combinable terms against closed forms. */
class RegularizerTest {
    private static final float[][] X = {{3, 4}, {0, 1}, {-2, 0}};
    private static final float[][] W = {{1, 0}, {0, 2}};
    private static final int[] Y = {1, 1, 0};

    private static double loss(String spec) {
        return HeadEvaluator.evaluate(spec, X, W, Y, null).loss();
    }

    @Test
    void ringLossAddsHalfLambdaMeanSquaredGapToR() {
        double gaps = (Math.pow(5 - 2, 2) + Math.pow(1 - 2, 2) + Math.pow(2 - 2, 2)) / 3;
        assertEquals(loss("softmax(bias=false)") + 0.05 * gaps, loss("softmax(bias=false)+ringloss(lambda=0.1,r=2)"), 1e-5);
        // A learnable R starts at 1.
        double fromOne = (16 + 0 + 1) / 3.0;
        assertEquals(loss("normweight") + 0.5 * fromOne, loss("normweight+ringloss(lambda=1)"), 1e-5);
    }

    @Test
    void absoluteRingLossAddsLambdaMeanSmoothedDistanceToR() {
        // The write-up's form: lambda mean sqrt((||x|| - R)^2 + 1e-6); norms 5, 1, 2 against R = 2.
        double smoothed = (Math.sqrt(9 + 1e-6) + Math.sqrt(1 + 1e-6) + Math.sqrt(0 + 1e-6)) / 3;
        assertEquals(loss("softmax(bias=false)") + 0.1 * smoothed, loss("softmax(bias=false)+ringloss(lambda=0.1,r=2,form=abs)"), 1e-5);
        assertEquals("softmax(bias=false)+ringloss(lambda=0.1,r=learn,form=abs)",
                Heads.create("softmax(bias=false)+ringloss(lambda=0.1,form=abs)").spec());
        assertThrows(SpecException.class, () -> Heads.create("softmax+ringloss(lambda=0.1,form=cube)"));
    }

    @Test
    void centerLossStartsAtHalfLambdaMeanOfSquaredNorms() {
        // Centres start at 0: lambda/2 mean ||x_i||^2 = 0.01/2 (25 + 1 + 4) / 3, batch-averaged like the cross-entropy.
        assertEquals(loss("softmax(bias=false)") + 0.005 * 10, loss("softmax(bias=false)+center(lambda=0.01)"), 1e-5);
    }

    @Test
    void upTermPullsTheRareClassToTheBaseClassesSquaredNorm() {
        // Squared norms of W's columns: 1 and 4; base class 1 gives alpha = 4: lambda (1 - 4)^2.
        assertEquals(loss("normweight") + 0.1 * 9, loss("normweight+upnorm(lambda=0.1,base=1)"), 1e-5);
    }

    @Test
    void whiteningUsesBatchStatisticsForTheLoss() {
        // Per dimension: mean (1/3, 5/3), variance (38/9, 26/9) for the features above.
        double[] mean = {1.0 / 3, 5.0 / 3};
        double[] var = {(Math.pow(3 - mean[0], 2) + Math.pow(0 - mean[0], 2) + Math.pow(-2 - mean[0], 2)) / 3,
            (Math.pow(4 - mean[1], 2) + Math.pow(1 - mean[1], 2) + Math.pow(0 - mean[1], 2)) / 3};
        float[][] white = new float[3][2];
        for (int i = 0; i < 3; i++) {
            for (int k = 0; k < 2; k++) {
                white[i][k] = (float) ((X[i][k] - mean[k]) / Math.sqrt(var[k] + Whitening.EPSILON));
            }
        }
        assertEquals(HeadEvaluator.evaluate("normface(s=5)", white, W, Y, null).loss(), loss("normface(s=5)+whiten"), 1e-5);
    }

    @Test
    void distillationMatchesItsFormula() {
        try (Graph g = new Graph(); Session s = new Session(g)) {
            Ops tf = Ops.create(g);
            float[][] student = {{1, 2, 0}};
            float[][] teacher = {{3, 0, 1}};
            Operand<TFloat32> loss = Distillation.loss(tf, tf.constant(student), tf.constant(teacher),
                    tf.constant(new float[][] {{0, 1, 0}}), 4, 0.7f);
            double[] soft = softmax(new double[] {3 / 4.0, 0, 1 / 4.0});
            double[] logq = logSoftmax(new double[] {1 / 4.0, 2 / 4.0, 0});
            double crossSoft = -(soft[0] * logq[0] + soft[1] * logq[1] + soft[2] * logq[2]);
            double hard = -logSoftmax(new double[] {1, 2, 0})[1];
            try (Result r = s.runner().fetch(loss).run()) {
                assertEquals(0.7 * 16 * crossSoft + 0.3 * hard, FloatTensors.scalar(r.get(0)), 1e-5);
            }
        }
        assertThrows(SpecException.class, () -> Distillation.loss(null, null, null, null, 0, 0.5f));
    }

    private static double[] softmax(double[] z) {
        double[] l = logSoftmax(z);
        double[] p = new double[z.length];
        for (int i = 0; i < z.length; i++) {
            p[i] = Math.exp(l[i]);
        }
        return p;
    }

    private static double[] logSoftmax(double[] z) {
        double sum = 0;
        for (double v : z) {
            sum += Math.exp(v);
        }
        double[] out = new double[z.length];
        for (int i = 0; i < z.length; i++) {
            out[i] = z[i] - Math.log(sum);
        }
        return out;
    }

    @Test
    void termsParseAndRefuseNonsense() {
        assertEquals("normweight+ringloss(lambda=0.1,r=learn)", Heads.create("normweight+ringloss(lambda=0.1)").spec());
        assertEquals("normface(s=10)+whiten(momentum=0.9)+center(lambda=0.003,alpha=0.5)",
                Heads.create("normface(s=10)+whiten+center").spec());
        assertEquals("unknown term 'ring' in 'softmax+ring'; terms that combine with a head: ringloss, center, upnorm, range, whiten",
                assertThrows(SpecException.class, () -> Heads.create("softmax+ring")).getMessage());
        assertEquals(List.of(), List.of());
        assertThrows(SpecException.class, () -> Heads.create("ringloss(lambda=1)"));
        assertThrows(SpecException.class, () -> Heads.create("softmax+ringloss(lambda=-1)"));
        assertThrows(SpecException.class, () -> Heads.create("softmax+center(alpha=2)"));
        assertThrows(SpecException.class, () -> Heads.create("softmax+whiten+whiten"));
    }
}
