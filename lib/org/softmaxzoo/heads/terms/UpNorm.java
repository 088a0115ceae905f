package org.softmaxzoo.heads.terms;

import org.softmaxzoo.graph.Losses;
import java.util.List;
import org.softmaxzoo.graph.Parameters;
import org.softmaxzoo.heads.core.ClassWeights;
import org.softmaxzoo.heads.core.HeadInput;
import org.softmaxzoo.heads.spec.Declaration;
import org.softmaxzoo.heads.spec.Param;
import org.softmaxzoo.heads.spec.SpecNumbers;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * The underrepresented-classes promotion (UP) term: lambda/C sum_j (||W_j||^2 - mean_k ||W_k||^2)^2,
 * pulling every class weight's squared norm toward the mean (held fixed within the step), so a class
 * with few images does not end up with a short weight vector and a small region.
 * <p>Guo and Zhang, "One-shot Face Recognition by Promoting Underrepresented Classes", 2017.
 */
public final class UpNorm implements LossTerm {
    public static final Declaration<Term> DECLARATION = new Declaration<>("upnorm", List.of(),
            List.of(Param.positive("lambda", 1e-3)),
            new Declaration.About("none", "none", "none", "lambda/C sum_j (||W_j||^2 - mean ||W||^2)^2, weight squared norms toward their mean",
                    "UP term (Guo and Zhang 2017)"),
            a -> new UpNorm((float) a.number("lambda")));

    private final float lambda;

    public UpNorm(float lambda) {
        this.lambda = lambda;
    }

    @Override
    public Operand<TFloat32> loss(Ops tf, HeadInput in, Parameters params) {
        Operand<TFloat32> squaredNorms = tf.reduceSum(tf.math.square(ClassWeights.raw(tf, in, params)), tf.constant(0));
        Operand<TFloat32> target = tf.stopGradient(tf.math.mean(squaredNorms, tf.constant(0)));
        Operand<TFloat32> gap = tf.math.sub(squaredNorms, target);
        return tf.math.mul(tf.constant(lambda), tf.math.mean(tf.math.square(gap), tf.constant(0)));
    }

    @Override
    public String spec() {
        return "upnorm(lambda=" + SpecNumbers.format(lambda) + ")";
    }
}
