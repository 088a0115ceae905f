package org.softmaxzoo.heads.terms;

import java.util.List;
import org.softmaxzoo.graph.Parameters;
import org.softmaxzoo.heads.core.HeadInput;
import org.softmaxzoo.heads.spec.Declaration;
import org.softmaxzoo.heads.spec.Param;
import org.softmaxzoo.heads.spec.SpecArgs;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.ReduceSum;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

/**
 * Range loss, added to the head's loss: L_R = alpha L_intra + beta L_inter on the batch's features,
 * all distances squared Euclidean as in the paper:
 * <pre>
 *   L_intra = sum over classes i in the batch of  k_i / sum_{j=1..k_i} 1/D_{i,j}
 *   L_inter = max(margin - D_center, 0),   D_center = min over pairs of classes in the batch of ||xbar_p - xbar_q||^2
 * </pre>
 * D_{i,1} >= D_{i,2} >= ... are the largest squared distances between two samples of class i in the
 * batch (its "ranges"), k_i = min(k, n_i (n_i - 1)/2) of them: the harmonic mean, which weighs the
 * k largest spans of the class, without letting one outlier pair dominate as a maximum would. xbar are
 * the classes' batch means, differentiated through (the paper's gradient reaches every sample of the
 * two closest classes). A class with one sample in the batch has no range and adds no intra term; classes
 * absent from the batch take no part; with fewer than two classes present L_inter = 0. The
 * reciprocal uses 1/(D + 1e-6), so two coinciding samples give a near-zero term with finite gradients.
 * <p>Paper's settings: k = 2 in its experiments; its margin and weights (which it applies as
 * L = L_softmax + lambda L_R, folded here into alpha and beta) are for high-dimensional face features and
 * do not carry over to 2-d features. The defaults here (margin 100, i.e. centres 10 apart; alpha = beta = 1e-3)
 * are untuned starting points and unbalanced on this project's 2-d MNIST features (norms about 25): measured
 * on a plain softmax's features, the intra part alpha L_intra comes to about ten times the cross-entropy and
 * the inter part to almost nothing. Notebook 03 measures this and trains margin 400, alpha 5e-5, beta 1e-3.
 * <p>Zhang, Fang, Wen, Li and Qiao, "Range Loss for Deep Face Recognition with Long-Tailed Training Data", ICCV 2017.
 */
public final class RangeLoss implements LossTerm {
    public static final Declaration<Term> DECLARATION = new Declaration<>("range", List.of(),
            List.of(Param.integer("k", 2, 1, 64), Param.positive("margin", 100), Param.number("alpha", 1e-3, 0, 1e6),
                    Param.number("beta", 1e-3, 0, 1e6)),
            new Declaration.About("none", "none", "none",
                    "alpha sum_class k / sum_{k largest} 1/D + beta max(margin - min ||xbar_p - xbar_q||^2, 0), squared distances in the batch",
                    "Range loss (Zhang et al. 2017)"),
            RangeLoss::create);

    /** Added to a squared distance before its reciprocal: coinciding samples stay finite. */
    static final float DISTANCE_FLOOR = 1e-6f;

    private final int k;
    private final float margin;
    private final float alpha;
    private final float beta;
    private final String spec;

    private RangeLoss(int k, float margin, float alpha, float beta, String spec) {
        this.k = k;
        this.margin = margin;
        this.alpha = alpha;
        this.beta = beta;
        this.spec = spec;
    }

    private static RangeLoss create(SpecArgs a) {
        return new RangeLoss(a.integer("k"), (float) a.number("margin"), (float) a.number("alpha"), (float) a.number("beta"), a.spec());
    }

    @Override
    public Operand<TFloat32> loss(Ops tf, HeadInput in, Parameters params) {
        Operand<TFloat32> byClass = tf.linalg.transpose(in.oneHot(), tf.constant(new int[] {1, 0})); // C x N
        Operand<TFloat32> counts = tf.reduceSum(in.oneHot(), tf.constant(0)); // C
        return tf.math.add(tf.math.mul(tf.constant(alpha), intra(tf, in, byClass, counts)),
                tf.math.mul(tf.constant(beta), inter(tf, in, byClass, counts)));
    }

    /** Sum over classes of the harmonic mean of their k largest squared in-batch distances. */
    private Operand<TFloat32> intra(Ops tf, HeadInput in, Operand<TFloat32> byClass, Operand<TFloat32> counts) {
        Operand<TFloat32> distances = squaredDistances(tf, in.features()); // N x N
        Operand<TFloat32> ones = tf.fill(tf.shape(distances), tf.constant(1f));
        Operand<TFloat32> upper = tf.math.sub(tf.linalg.bandPart(ones, tf.constant(0), tf.constant(-1)),
                tf.linalg.bandPart(ones, tf.constant(0), tf.constant(0))); // pairs i < j
        Operand<TFloat32> pairMask = tf.math.mul(tf.math.mul(tf.expandDims(byClass, tf.constant(2)), tf.expandDims(byClass, tf.constant(1))),
                upper); // C x N x N: both samples of class c
        Operand<TFloat32> minusOne = tf.constant(-1f);
        Operand<TFloat32> masked = tf.math.add(tf.math.mul(pairMask, distances), tf.math.mul(tf.math.sub(tf.constant(1f), pairMask), minusOne));
        Operand<TFloat32> rows = tf.reshape(masked, tf.constant(new int[] {in.numClasses(), -1}));
        // Padding of -1 keeps top-k defined when the batch has fewer than k pairs in all.
        Operand<TFloat32> padded = tf.concat(List.of(rows, tf.fill(tf.constant(new int[] {in.numClasses(), k}), minusOne)), tf.constant(1));
        // TF Java has no gradient for TopKV2: take its indices, then the values by a one-hot sum, which differentiates.
        Operand<TInt32> indices = tf.nn.topK(tf.stopGradient(padded), tf.constant(k), TInt32.class).indices(); // C x k
        Operand<TFloat32> picks = tf.oneHot(indices,
                tf.squeeze(tf.slice(tf.shape(padded), tf.constant(new int[] {1}), tf.constant(new int[] {1}))), tf.constant(1f), tf.constant(0f)); // C x k x P
        Operand<TFloat32> largest = tf.reduceSum(tf.math.mul(picks, tf.expandDims(padded, tf.constant(1))), tf.constant(2)); // C x k, descending
        Operand<TFloat32> pairs = tf.math.div(tf.math.mul(counts, tf.math.sub(counts, tf.constant(1f))), tf.constant(2f));
        Operand<TFloat32> rank = tf.dtypes.cast(tf.range(tf.constant(0), tf.constant(k), tf.constant(1)), TFloat32.class);
        Operand<TFloat32> valid = tf.dtypes.cast(tf.math.less(tf.expandDims(rank, tf.constant(0)), tf.expandDims(pairs, tf.constant(1))),
                TFloat32.class); // C x k: the j-th largest exists
        Operand<TFloat32> safe = tf.math.add(tf.math.mul(valid, largest), tf.math.sub(tf.constant(1f), valid));
        Operand<TFloat32> reciprocals = tf.reduceSum(tf.math.div(valid, tf.math.add(safe, tf.constant(DISTANCE_FLOOR))), tf.constant(1));
        Operand<TFloat32> used = tf.math.minimum(pairs, tf.constant((float) k)); // k_i
        Operand<TFloat32> none = tf.dtypes.cast(tf.math.equal(used, tf.constant(0f)), TFloat32.class);
        return tf.reduceSum(tf.math.div(used, tf.math.add(reciprocals, none)), tf.constant(0));
    }

    /** max(margin - smallest squared distance between two present classes' batch means, 0). */
    private Operand<TFloat32> inter(Ops tf, HeadInput in, Operand<TFloat32> byClass, Operand<TFloat32> counts) {
        Operand<TFloat32> present = tf.dtypes.cast(tf.math.greater(counts, tf.constant(0f)), TFloat32.class); // C
        Operand<TFloat32> means = tf.math.div(tf.linalg.matMul(byClass, in.features()),
                tf.expandDims(tf.math.maximum(counts, tf.constant(1f)), tf.constant(1))); // C x d
        Operand<TFloat32> distances = squaredDistances(tf, means); // C x C
        float[][] upper = new float[in.numClasses()][in.numClasses()];
        for (int p = 0; p < upper.length; p++) {
            for (int q = p + 1; q < upper.length; q++) {
                upper[p][q] = 1;
            }
        }
        Operand<TFloat32> both = tf.math.mul(tf.math.mul(tf.expandDims(present, tf.constant(1)), tf.expandDims(present, tf.constant(0))),
                tf.constant(upper));
        // Pairs that do not count are set to the margin, where the hinge is 0.
        Operand<TFloat32> candidates = tf.math.add(tf.math.mul(both, distances), tf.math.mul(tf.math.sub(tf.constant(1f), both), tf.constant(margin)));
        Operand<TFloat32> closest = tf.min(candidates, tf.constant(new int[] {0, 1}));
        return tf.nn.relu(tf.math.sub(tf.constant(margin), closest));
    }

    /** ||a_i - a_j||^2 for every pair of rows, floored at 0 against round-off. */
    private static Operand<TFloat32> squaredDistances(Ops tf, Operand<TFloat32> rows) {
        Operand<TFloat32> norms = tf.reduceSum(tf.math.square(rows), tf.constant(1), ReduceSum.keepDims(true)); // n x 1
        Operand<TFloat32> dots = tf.linalg.matMul(rows, rows, org.tensorflow.op.linalg.MatMul.transposeB(true));
        Operand<TFloat32> sum = tf.math.add(norms, tf.linalg.transpose(norms, tf.constant(new int[] {1, 0})));
        return tf.math.maximum(tf.math.sub(sum, tf.math.mul(tf.constant(2f), dots)), tf.constant(0f));
    }

    @Override
    public String spec() {
        return spec;
    }
}
