package org.softmaxzoo.heads.terms;

import org.softmaxzoo.graph.Initializer;
import java.util.List;
import org.softmaxzoo.graph.Parameters;
import org.softmaxzoo.heads.core.HeadInput;
import org.softmaxzoo.heads.spec.Declaration;
import org.softmaxzoo.heads.spec.Param;
import org.softmaxzoo.heads.spec.SpecNumbers;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * Center loss: lambda/2 sum_i ||x_i - c_{y_i}||^2 over the batch, pulling features to their class
 * centre. The centres (C x d, starting at 0) are not trained by the optimizer; after every step each
 * centre present in the batch moves by the paper's rule c_j -= alpha * sum_{i: y_i = j} (c_j - x_i) / (1 + n_j).
 * <p>Wen, Zhang, Li and Qiao, "A Discriminative Feature Learning Approach for Deep Face Recognition", ECCV 2016.
 */
public final class CenterLoss implements LossTerm {
    public static final Declaration<Term> DECLARATION = new Declaration<>("center", List.of(),
            List.of(Param.positive("lambda", 0.003), Param.number("alpha", 0.5, 0, 1)),
            new Declaration.About("none", "none", "none", "lambda/2 sum ||x - c_y||^2, centres moved by alpha",
                    "Center loss (Wen et al. 2016)"),
            a -> new CenterLoss((float) a.number("lambda"), (float) a.number("alpha")));

    public static final String CENTERS = "center/centers";
    private final float lambda;
    private final float alpha;

    public CenterLoss(float lambda, float alpha) {
        this.lambda = lambda;
        this.alpha = alpha;
    }

    @Override
    public Operand<TFloat32> loss(Ops tf, HeadInput in, Parameters params) {
        Operand<TFloat32> centers = params.state(CENTERS, Shape.of(in.numClasses(), in.featureDim()), Initializer.constant(0));
        Operand<TFloat32> own = tf.linalg.matMul(in.oneHot(), centers); // c_{y_i}, N x d
        Operand<TFloat32> diff = tf.math.sub(in.features(), own);
        Operand<TFloat32> loss = tf.math.mul(tf.constant(lambda / 2f), tf.reduceSum(tf.math.square(diff), tf.constant(new int[] {0, 1})));
        // Centre update from this batch: delta_j = (n_j c_j - sum_{y_i = j} x_i) / (1 + n_j).
        Operand<TFloat32> counts = tf.expandDims(tf.reduceSum(in.oneHot(), tf.constant(0)), tf.constant(1)); // C x 1
        Operand<TFloat32> sums = tf.linalg.matMul(in.oneHot(), tf.stopGradient(in.features()), org.tensorflow.op.linalg.MatMul.transposeA(true));
        Operand<TFloat32> delta = tf.math.div(tf.math.sub(tf.math.mul(counts, centers), sums), tf.math.add(counts, tf.constant(1f)));
        params.update(CENTERS, tf.math.sub(centers, tf.math.mul(tf.constant(alpha), delta)));
        return loss;
    }

    @Override
    public String spec() {
        return "center(lambda=" + SpecNumbers.format(lambda) + ",alpha=" + SpecNumbers.format(alpha) + ")";
    }
}
