package org.softmaxzoo.heads.catalog;

import java.util.List;
import org.softmaxzoo.graph.Initializer;
import org.softmaxzoo.graph.Parameters;
import org.softmaxzoo.heads.core.CosineHead;
import org.softmaxzoo.heads.core.HeadInput;
import org.softmaxzoo.heads.core.LossHead;
import org.softmaxzoo.heads.core.Radius;
import org.softmaxzoo.heads.core.Scale;
import org.softmaxzoo.heads.margins.ArcMargin;
import org.softmaxzoo.heads.spec.Declaration;
import org.softmaxzoo.heads.spec.Param;
import org.softmaxzoo.heads.spec.SpecArgs;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.ReduceMax;
import org.tensorflow.op.core.ReduceMin;
import org.tensorflow.op.core.ReduceSum;
import org.tensorflow.types.TFloat32;

/**
 * Dynamic-margin ArcFace (a class-frequency margin for long-tailed data): class c gets its own angular
 * margin from its number of training samples n_c, larger for rarer classes. With u_c = n_c^(-lambda),
 * m_c = b + a (u_c - min_k u_k) / (max_k u_k - min_k u_k) (the authors' code: margins from b for the
 * most frequent class to a + b for the rarest; with all counts equal every class gets b), or, with
 * {@code normalize=false}, m_c = a n_c^(-lambda) + b as the paper writes it. The target logit is
 * s cos(theta_y + m_y) with ArcFace's fallback cos theta_y - m_y sin m_y past pi - m_y; other logits
 * s cos theta_j on normalized features and weights.
 * <p>The counts come from the training labels: the head keeps, as checkpointed state {@value #COUNTS}, how
 * many samples of each class it has been trained on (this batch included, so the first step already has
 * counts; a class not yet seen counts as 1). After one epoch they are the data set's counts times the
 * epochs, and the normalized margins do not depend on that factor, so they are exactly the data set's
 * from then on; during the first epoch they follow the class proportions seen so far.
 * <p>Two-class decision boundary for class 1: theta_1 + m_1 = theta_2; for class 2 theta_2 + m_2 = theta_1:
 * the gap between the classes is no longer split evenly, the rarer class keeps the wider margin.
 * <p>Defaults are the authors' code: a = 0.45, b = 0.05 (margins 0.05 to 0.5), lambda = 1/4, s = 80
 * (for 512-d landmark embeddings). With 2-d and 64-d features this project uses s = 10, as the grid's
 * other normalized heads; the margins are angles and are kept.
 * <p>Ha, Liu, Liu and Liao, "Google Landmark Recognition 2020 Competition Third Place Solution",
 * arXiv:2010.05350, 2020 (dynamic margins; the authors' training code normalizes n^(-lambda) to [0, 1]).
 */
public final class DynamicMargin extends CosineHead {
    /** Samples of each class trained on so far (C), non-trainable state. */
    public static final String COUNTS = "dynamicmargin/counts";

    public static final Declaration<LossHead> DECLARATION = new Declaration<>("dynamicmargin", List.of("dynamicarcface"),
            List.of(Param.learnable("s", "80"), Param.positive("s_init", 10), Param.number("a", 0.45, 0, 3),
                    Param.number("b", 0.05, 0, 3), Param.number("lambda", 0.25, 0, 4), Param.flag("normalize", true)),
            new Declaration.About("features and class weights to unit norm", "scale s (fixed or learned)",
                    "cos(theta + m_y), m_c = b + a (n_c^-lambda - min) / (max - min) from the class counts n_c; fallback past pi - m_y",
                    "s cos(theta_y + m_y), m_c = b + a normalized n_c^(-lambda), n_c the training samples of class c",
                    "dynamic-margin ArcFace (Ha et al. 2020)"),
            a -> {
                SpecArgs.Learnable s = a.learnable("s", "s_init");
                double slope = a.number("a");
                double offset = a.number("b", 0, Math.PI - slope); // the largest margin a + b stays below pi
                double lambda = a.number("lambda");
                a.requireFiniteLogits("s * (1 + a + b)", s.value() * (1 + slope + offset));
                return new DynamicMargin(Scale.of(s), (float) slope, (float) offset, (float) lambda, a.bool("normalize"), a.spec());
            });

    private final float slope;
    private final float offset;
    private final float lambda;
    private final boolean normalize;

    private DynamicMargin(Scale s, float slope, float offset, float lambda, boolean normalize, String spec) {
        // the curve: a class of the median margin, b + a/2
        super(spec, Radius.scale(s), new ArcMargin(offset + slope / 2, false, true));
        this.slope = slope;
        this.offset = offset;
        this.lambda = lambda;
        this.normalize = normalize;
    }

    /** The margins for given class counts, in plain arithmetic (figures, tables): the graph's formula. */
    public double[] margins(double[] counts) {
        double[] u = new double[counts.length];
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (int c = 0; c < counts.length; c++) {
            u[c] = Math.pow(Math.max(counts[c], 1), -lambda);
            min = Math.min(min, u[c]);
            max = Math.max(max, u[c]);
        }
        double[] m = new double[counts.length];
        for (int c = 0; c < counts.length; c++) {
            m[c] = offset + slope * (normalize ? (u[c] - min) / Math.max(max - min, 1e-12) : u[c]);
        }
        return m;
    }

    @Override
    protected Operand<TFloat32> lossCosines(Ops tf, Operand<TFloat32> cosine, HeadInput in, Parameters params) {
        Operand<TFloat32> seen = params.state(COUNTS, Shape.of(in.numClasses()), Initializer.constant(0));
        Operand<TFloat32> counts = tf.math.add(seen, tf.reduceSum(in.oneHot(), tf.constant(0)));
        params.update(COUNTS, counts);
        Operand<TFloat32> u = tf.math.pow(tf.math.maximum(counts, tf.constant(1f)), tf.constant(-lambda));
        if (normalize) {
            Operand<TFloat32> min = tf.reduceMin(u, tf.constant(0), ReduceMin.keepDims(true));
            Operand<TFloat32> range = tf.math.sub(tf.reduceMax(u, tf.constant(0), ReduceMax.keepDims(true)), min);
            u = tf.math.div(tf.math.sub(u, min), tf.math.maximum(range, tf.constant(1e-12f)));
        }
        Operand<TFloat32> classMargins = tf.math.add(tf.constant(offset), tf.math.mul(tf.constant(slope), u));
        Operand<TFloat32> sampleMargins = tf.reduceSum(tf.math.mul(in.oneHot(), classMargins), tf.constant(1), ReduceSum.keepDims(true));
        return withTarget(tf, cosine, ArcMargin.perSample(tf, targetCosines(tf, cosine, in), tf.stopGradient(sampleMargins), true), in);
    }
}
