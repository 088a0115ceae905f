package org.softmaxzoo.heads.terms;

import java.util.List;
import java.util.Locale;
import org.softmaxzoo.graph.Initializer;
import org.softmaxzoo.graph.Parameters;
import org.softmaxzoo.heads.core.HeadInput;
import org.softmaxzoo.heads.spec.Declaration;
import org.softmaxzoo.heads.spec.Param;
import org.softmaxzoo.heads.spec.SpecArgs;
import org.softmaxzoo.heads.spec.SpecException;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.op.linalg.MatMul;
import org.tensorflow.types.TFloat32;

/**
 * Center loss, averaged over the batch like the cross-entropy it is added to:
 * <pre>
 *   L = (1/m) sum_i [ CE_i + lambda/2 ||x_i - c_{y_i}||^2 ],   this term: lambda/(2m) sum_i ||x_i - c_{y_i}||^2
 * </pre>
 * for a batch of m features x_i with labels y_i and class centres c_j (C x d, starting at 0). The paper
 * writes both parts as sums over the batch, L = L_S + lambda L_C with L_S = -sum_i log p_{y_i} and
 * L_C = 1/2 sum_i ||x_i - c_{y_i}||^2; the source write-up writes both as means (its leading minus,
 * meant for the log-likelihood only, is a slip: the centre term is added); either way lambda weighs the
 * centre term against the cross-entropy in the same ratio, which is what this term keeps.
 * <p><b>Changed meaning of lambda.</b> Before issue 23 this term added lambda/2 times the batch SUM to
 * the batch-MEAN cross-entropy, m times (64 at batch 64) stronger than the paper's lambda. A spec
 * written then, {@code center(lambda=L)}, now means a term m times weaker; the old strength is
 * {@code center(lambda=64 L)} at batch 64 (committed runs with {@code lambda=0.003} correspond to 0.192).
 * <p><b>How the centres move</b> ({@code update=}):
 * <ul>
 * <li>{@code alpha} (the paper's rule, default): the centres are not trained by the optimizer; after
 * every step each centre of a class present in the batch moves toward that class's batch features,
 * c_j <- c_j - alpha delta_j, delta_j = sum_{i: y_i = j} (c_j - x_i) / (1 + n_j), n_j the class's
 * count in the batch. That is c_j <- c_j + alpha n_j / (1 + n_j) (mean_j - c_j): a step of nearly alpha
 * of the way to the class's batch mean, shorter for a class seen once (the 1 also keeps an absent class
 * still). Why: the centres should be the class means of the deep features over the whole training set,
 * which change as the network learns and are too costly to recompute every iteration; the paper
 * therefore tracks them from mini-batches, and a rate alpha in [0, 1] damps the jumps a few
 * mislabelled or unusual samples in one batch would cause. The gradient reaches the features only:
 * d term / d x_i = lambda/m (x_i - c_{y_i}).</li>
 * <li>{@code sgd}: the centres are ordinary trainable parameters (as in the source write-up's
 * PyTorch code), moved by the run's optimizer with gradient d term / d c_j = -lambda/m sum_{y_i = j}
 * (x_i - c_j), and weight-decayed like every other parameter. {@code alpha} does not apply.</li>
 * </ul>
 * <p>Wen, Zhang, Li and Qiao, "A Discriminative Feature Learning Approach for Deep Face Recognition", ECCV 2016.
 */
public final class CenterLoss implements LossTerm {
    public static final Declaration<Term> DECLARATION = new Declaration<>("center", List.of(),
            List.of(Param.positive("lambda", 0.003), Param.number("alpha", 0.5, 0, 1), Param.choice("update", "alpha", "sgd")),
            new Declaration.About("none", "none", "none",
                    "lambda/2 mean_i ||x_i - c_y||^2 (batch mean, like the cross-entropy); centres moved by alpha toward the batch mean, or (update=sgd) trained",
                    "Center loss (Wen et al. 2016)"),
            CenterLoss::create);

    public static final String CENTERS = "center/centers";

    /** How the centres move between steps. */
    public enum Update { ALPHA, SGD }

    private final float lambda;
    private final float alpha;
    private final Update update;
    private final String spec;

    private CenterLoss(float lambda, float alpha, Update update, String spec) {
        this.lambda = lambda;
        this.alpha = alpha;
        this.update = update;
        this.spec = spec;
    }

    private static CenterLoss create(SpecArgs a) {
        float lambda = (float) a.number("lambda");
        Update update = Update.valueOf(a.choice("update").toUpperCase(Locale.ROOT));
        if (update == Update.SGD && a.has("alpha")) {
            throw new SpecException("center: alpha only applies with update=alpha (with update=sgd the optimizer moves the centres); drop alpha");
        }
        float alpha = update == Update.ALPHA ? (float) a.number("alpha") : 0f;
        return new CenterLoss(lambda, alpha, update, a.spec());
    }

    @Override
    public Operand<TFloat32> loss(Ops tf, HeadInput in, Parameters params) {
        Shape shape = Shape.of(in.numClasses(), in.featureDim());
        Operand<TFloat32> centers = update == Update.SGD
                ? params.trainable(CENTERS, shape, Initializer.constant(0)) : params.state(CENTERS, shape, Initializer.constant(0));
        Operand<TFloat32> own = tf.linalg.matMul(in.oneHot(), centers); // c_{y_i}, m x d
        Operand<TFloat32> squared = tf.reduceSum(tf.math.square(tf.math.sub(in.features(), own)), tf.constant(1));
        Operand<TFloat32> loss = tf.math.mul(tf.constant(lambda / 2f), tf.math.mean(squared, tf.constant(0)));
        if (update == Update.ALPHA) {
            // delta_j = (n_j c_j - sum_{y_i = j} x_i) / (1 + n_j), from the batch's features as they are.
            Operand<TFloat32> counts = tf.expandDims(tf.reduceSum(in.oneHot(), tf.constant(0)), tf.constant(1)); // C x 1
            Operand<TFloat32> sums = tf.linalg.matMul(in.oneHot(), tf.stopGradient(in.features()), MatMul.transposeA(true));
            Operand<TFloat32> delta = tf.math.div(tf.math.sub(tf.math.mul(counts, centers), sums), tf.math.add(counts, tf.constant(1f)));
            params.update(CENTERS, tf.math.sub(centers, tf.math.mul(tf.constant(alpha), delta)));
        }
        return loss;
    }

    @Override
    public String spec() {
        return spec;
    }
}
