package org.softmaxzoo.heads;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.softmaxzoo.data.ImageSet;
import org.softmaxzoo.graph.Parameters;
import org.softmaxzoo.heads.catalog.SubCenterArcFace;
import org.softmaxzoo.heads.catalog.SubCentreDrop;
import org.softmaxzoo.heads.core.ClassWeights;
import org.softmaxzoo.heads.core.LossHead;
import org.softmaxzoo.model.FeatureExtractor;
import org.softmaxzoo.train.TrainingGraph;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * Sub-center ArcFace's drop of non-dominant sub-centres on a hand-built example: C = 2 classes, K = 3
 * sub-centres, 2-d features, column j = k C + c of W at 60 j degrees (class 0 at 0, 120, 240; class 1 at
 * 60, 180, 300), with norms 1 + j / 2 so that only directions count.
 */
class SubCentreDropTest {
    private static final int C = 2;
    private static final int K = 3;
    private static final double S = 10;
    private static final double M = 0.5;
    private static final String SPEC = "subcenter(s=10,m=0.5,k=3,drop_epoch=2)";

    /**
     * Class 0: 230, 245, 250 degrees are nearest its sub-centre 2 (240), 10 and 55 its sub-centre 0 (0; 55 is nearer
     * class 1's 60, but only the own class's sub-centres vote), 115 its sub-centre 1 (120): votes 2, 1, 3, dominant 2.
     * Class 1: 175, 190 nearest 180 (sub-centre 1), 70 nearest 60 (0), 290 nearest 300 (2): votes 1, 2, 1, dominant 1.
     */
    private static final double[] ANGLES = {230, 245, 250, 10, 55, 115, 175, 190, 70, 290};
    private static final int[] LABELS = {0, 0, 0, 0, 0, 0, 1, 1, 1, 1};
    private static final double[] NORMS = {1, 2, 0.5, 3, 1, 1.5, 2, 1, 0.7, 1.2};
    /** Dominant sub-centre of class 0 at 240 degrees, of class 1 at 180; kept: column 1 C + 1 = 3 and 2 C + 0 = 4. */
    private static final double[] DOMINANT_DEGREES = {240, 180};
    private static final float[] EXPECTED_MASK = {0, 0, 0, 1, 1, 0};

    /** The 2-d features as the pixels of 2 x 2 images (x, y, 0, 0): the extractor below reads them back. */
    private static final class PixelsAreFeatures implements FeatureExtractor {
        @Override
        public Operand<TFloat32> features(Ops tf, Operand<TFloat32> images, Parameters params) {
            Operand<TFloat32> flat = tf.reshape(images, tf.constant(new int[] {-1, 4}));
            return tf.slice(flat, tf.constant(new int[] {0, 0}), tf.constant(new int[] {-1, 2}));
        }

        @Override
        public int featureDim() {
            return 2;
        }
    }

    private static float[][] features() {
        float[][] x = new float[ANGLES.length][];
        for (int i = 0; i < ANGLES.length; i++) {
            double a = Math.toRadians(ANGLES[i]);
            x[i] = new float[] {(float) (NORMS[i] * Math.cos(a)), (float) (NORMS[i] * Math.sin(a))};
        }
        return x;
    }

    /** W, 2 x KC: column j at 60 j degrees, norm 1 + j / 2. */
    private static float[][] weights() {
        float[][] w = new float[2][K * C];
        for (int j = 0; j < K * C; j++) {
            double a = Math.toRadians(60 * j);
            w[0][j] = (float) ((1 + j / 2.0) * Math.cos(a));
            w[1][j] = (float) ((1 + j / 2.0) * Math.sin(a));
        }
        return w;
    }

    private static ImageSet images() {
        float[][] x = features();
        float[] px = new float[x.length * 4];
        for (int i = 0; i < x.length; i++) {
            px[i * 4] = x[i][0];
            px[i * 4 + 1] = x[i][1];
        }
        return new ImageSet(px, LABELS, 2, 2, C);
    }

    /** The angle between two directions given in degrees, in radians in [0, pi]. */
    private static double between(double a, double b) {
        double d = Math.abs(a - b) % 360;
        return Math.toRadians(Math.min(d, 360 - d));
    }

    @Test
    void theDominantSubCentreIsTheMostVotedOneOfTheSamplesOwnClass() {
        try (TrainingGraph g = new TrainingGraph(new PixelsAreFeatures(), Heads.create(SPEC), C, 2, 1e-3f, 0, 1)) {
            Map<String, float[]> values = g.values();
            values.put(LossHead.WEIGHT, HeadEvaluator.flatten(weights()));
            g.restore(values);
            ImageSet set = images();
            float[] before = g.logits(set.pixels(), set.size());
            g.afterEpoch(1, set);
            assertArrayEquals(new float[] {1, 1, 1, 1, 1, 1}, g.value(SubCenterArcFace.MASK), "nothing is dropped before epoch 2");
            g.afterEpoch(2, set);
            assertArrayEquals(EXPECTED_MASK, g.value(SubCenterArcFace.MASK));
            float[] after = g.logits(set.pixels(), set.size());
            for (int i = 0; i < ANGLES.length; i++) {
                for (int c = 0; c < C; c++) {
                    double nearest = -1;
                    for (int k = 0; k < K; k++) {
                        nearest = Math.max(nearest, Math.cos(between(ANGLES[i], 60 * (k * C + c))));
                    }
                    assertEquals(S * nearest, before[i * C + c], 1e-4, "before the drop, sample " + i + " class " + c);
                    assertEquals(S * Math.cos(between(ANGLES[i], DOMINANT_DEGREES[c])), after[i * C + c], 1e-4,
                            "after the drop, sample " + i + " class " + c);
                }
            }
        }
    }

    @Test
    void votesCountEachSampleForTheNearestSubCentreOfItsOwnClass() {
        // 2 classes, K = 2: columns (k0 c0, k0 c1, k1 c0, k1 c1); 9 marks a cosine of the other class, never read
        float[] cosines = {
                0.9f, 9, 0.5f, 9, // class 0, nearer its sub-centre 0
                0.1f, 9, 0.7f, 9, // class 0, nearer its sub-centre 1
                9, 0.2f, 9, 0.3f, // class 1, nearer its sub-centre 1
                9, 0.4f, 9, 0.4f}; // class 1, a tie: the lower index
        int[][] votes = SubCentreDrop.votes(cosines, new int[] {0, 0, 1, 1}, 2, 2);
        assertArrayEquals(new int[] {1, 1}, votes[0]);
        assertArrayEquals(new int[] {1, 1}, votes[1]);
    }

    @Test
    void figuresDrawTheClassWeightsWithoutTheDroppedSubCentres() {
        // W 2 x 3, row-major (row 0: x of the three columns, row 1: y), the middle column dropped
        Map<String, float[]> values = Map.of(LossHead.WEIGHT, new float[] {1, 2, 3, 4, 5, 6}, SubCenterArcFace.MASK, new float[] {1, 0, 1});
        assertArrayEquals(new float[] {1, 0, 3, 4, 0, 6}, ClassWeights.kept(values));
        assertArrayEquals(new float[] {1, 2, 3, 4, 5, 6}, ClassWeights.kept(Map.of(LossHead.WEIGHT, new float[] {1, 2, 3, 4, 5, 6})),
                "a head without the mask is drawn with all its columns");
    }

    @Test
    void afterTheDropTheLossLogitsAreArcFacesOnTheDominantSubCentres() {
        float[][] x = features();
        HeadEvaluator.Evaluation dropped = HeadEvaluator.evaluate(Heads.create(SPEC), x, weights(), C, LABELS, null,
                Map.of(SubCenterArcFace.MASK, EXPECTED_MASK), false);
        // ArcFace by hand: target s cos(theta_y + m), past pi - m s (cos theta_y - m sin m); other classes s cos theta_j.
        // Sample 3 (10 degrees, class 0) is 130 degrees from 240: s cos(130 deg + 0.5); sample 4 (55) is 175 from it: the fallback.
        for (int i = 0; i < x.length; i++) {
            for (int c = 0; c < C; c++) {
                double theta = between(ANGLES[i], DOMINANT_DEGREES[c]);
                double expected = c != LABELS[i] ? S * Math.cos(theta)
                        : theta <= Math.PI - M ? S * Math.cos(theta + M) : S * (Math.cos(theta) - M * Math.sin(M));
                assertEquals(expected, dropped.lossLogits()[i][c], 2e-3, "sample " + i + " class " + c);
            }
        }
        // and the same as the arcface head with the dominant sub-centres (columns 4 and 3) as its class weights
        float[][] w = weights();
        float[][] dominant = {{w[0][4], w[0][3]}, {w[1][4], w[1][3]}};
        HeadEvaluator.Evaluation arcface = HeadEvaluator.evaluate(Heads.create("arcface(s=10,m=0.5)"), x, dominant, LABELS, null, false);
        assertEquals(arcface.loss(), dropped.loss(), 1e-5);
        for (int i = 0; i < x.length; i++) {
            assertArrayEquals(arcface.lossLogits()[i], dropped.lossLogits()[i], 1e-5f, "sample " + i);
        }
    }

    @Test
    void tiesGoToTheLowerSubCentreAndAClassWithoutSamplesKeepsAll() {
        // C = 3, K = 2, columns k C + c. Sample 0 (class 0) nearest sub-centre 1, samples 1 and 2 (class 1) one each: a tie.
        float[] cosines = {
            0.1f, 0.9f, 0.9f, 0.8f, 0.2f, 0.2f,
            0.5f, 0.7f, 0.0f, 0.3f, 0.6f, 0.0f,
            0.5f, 0.2f, 0.0f, 0.3f, 0.6f, 0.0f};
        int[] dominant = SubCentreDrop.dominant(cosines, new int[] {0, 1, 1}, 3, 2);
        assertArrayEquals(new int[] {1, 0, -1}, dominant);
        assertArrayEquals(new float[] {0, 1, 1, 1, 0, 1}, SubCentreDrop.mask(dominant, 3, 2));
    }

    @Test
    void withoutDropEpochTheSpecAndTheGraphAreAsBefore() {
        assertEquals("subcenter(s=10,m=0.5,k=3)", Heads.create("subcenter(s=10,k=3,drop_epoch=0)").spec());
        assertEquals("subcenter(s=10,m=0.5,k=3,drop_epoch=2)", Heads.create(SPEC).spec());
        try (TrainingGraph g = new TrainingGraph(new PixelsAreFeatures(), Heads.create("subcenter(s=10,k=3)"), C, 2, 1e-3f, 0, 1)) {
            assertFalse(g.values().containsKey(SubCenterArcFace.MASK), "no mask variable: old checkpoints still restore");
        }
        try (TrainingGraph g = new TrainingGraph(new PixelsAreFeatures(), Heads.create(SPEC), C, 2, 1e-3f, 0, 1)) {
            assertTrue(g.values().containsKey(SubCenterArcFace.MASK));
        }
    }
}
