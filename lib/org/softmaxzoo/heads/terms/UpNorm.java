package org.softmaxzoo.heads.terms;

import java.util.List;
import java.util.Locale;
import org.softmaxzoo.graph.Parameters;
import org.softmaxzoo.heads.core.ClassWeights;
import org.softmaxzoo.heads.core.HeadInput;
import org.softmaxzoo.heads.spec.Declaration;
import org.softmaxzoo.heads.spec.Param;
import org.softmaxzoo.heads.spec.SpecArgs;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * The underrepresented-classes promotion (UP) term: the squared weight norms of the rare classes are
 * pulled toward the mean squared weight norm of the well-represented (base) classes,
 * <pre>
 *   alpha = 1/|C_b| sum_{k in C_b} ||w_k||^2                         (held fixed within the step)
 *   pull=mean (the paper's and the source's form, default):  L_up = lambda (1/|C_n| sum_{k in C_n} ||w_k||^2 - alpha)^2
 *   pull=each (every rare class on its own):                 L_up = lambda sum_{k in C_n} (||w_k||^2 - alpha)^2
 * </pre>
 * where C_b are the base classes ({@code base=1-9}, or {@code 0-3;5}) and C_n all the others, so a
 * class with few images does not end up with a short weight and a small region. The source write-up
 * prints the mean's set as C; the paper's is the one-shot set C_n: read as all classes, the gap would
 * be |C_n|/|C| times smaller and its gradient would also shrink the base weights. alpha is assigned
 * ({@code <-} in the source), not differentiated: the base weights are left to the cross-entropy. With
 * one rare class the two forms agree. The base classes are given explicitly: a head sees only the
 * batch, not the training set's class counts, so it cannot pick them by a count threshold.
 * <p><b>Changed meaning.</b> Before issue 23, {@code upnorm(lambda=..)} pulled every class's squared
 * norm toward the mean over all classes, lambda/C sum_j (||w_j||^2 - mean)^2; that spec is now refused
 * with a request for {@code base}.
 * <p>Guo and Zhang, "One-shot Face Recognition by Promoting Underrepresented Classes", arXiv:1707.05574, 2017.
 */
public final class UpNorm implements LossTerm {
    public static final Declaration<Term> DECLARATION = new Declaration<>("upnorm", List.of(),
            List.of(Param.positive("lambda", 1e-3), Param.classes("base"), Param.choice("pull", "mean", "each")),
            new Declaration.About("none", "none", "none",
                    "lambda (mean_{rare} ||W||^2 - alpha)^2, alpha = mean_{base} ||W||^2 held fixed; pull=each: lambda sum_{rare} (||W_c||^2 - alpha)^2",
                    "UP term (Guo and Zhang 2017)"),
            UpNorm::create);

    /** Whether the rare classes' mean squared norm is pulled, or each one's. */
    public enum Pull { MEAN, EACH }

    private final float lambda;
    private final SpecArgs.ClassSet base;
    private final Pull pull;
    private final String spec;

    private UpNorm(float lambda, SpecArgs.ClassSet base, Pull pull, String spec) {
        this.lambda = lambda;
        this.base = base;
        this.pull = pull;
        this.spec = spec;
    }

    private static UpNorm create(SpecArgs a) {
        return new UpNorm((float) a.number("lambda"), a.classes("base", "the well-represented classes whose mean squared weight norm the others are pulled to"),
                Pull.valueOf(a.choice("pull").toUpperCase(Locale.ROOT)), a.spec());
    }

    @Override
    public Operand<TFloat32> loss(Ops tf, HeadInput in, Parameters params) {
        base.check(in.numClasses());
        float[] baseMask = base.mask(in.numClasses());
        float[] rareMask = new float[baseMask.length];
        for (int c = 0; c < baseMask.length; c++) {
            rareMask[c] = 1 - baseMask[c];
        }
        int rareCount = baseMask.length - base.labels().length;
        Operand<TFloat32> squaredNorms = tf.reduceSum(tf.math.square(ClassWeights.raw(tf, in, params)), tf.constant(0)); // C
        Operand<TFloat32> alpha = tf.stopGradient(tf.math.div(tf.reduceSum(tf.math.mul(squaredNorms, tf.constant(baseMask)), tf.constant(0)),
                tf.constant((float) base.labels().length)));
        Operand<TFloat32> rare = tf.constant(rareMask);
        Operand<TFloat32> gap = pull == Pull.MEAN
                ? tf.math.sub(tf.math.div(tf.reduceSum(tf.math.mul(squaredNorms, rare), tf.constant(0)), tf.constant((float) rareCount)), alpha)
                : tf.math.mul(tf.math.sub(squaredNorms, alpha), rare);
        Operand<TFloat32> squaredGap = tf.math.square(gap);
        return tf.math.mul(tf.constant(lambda), pull == Pull.MEAN ? squaredGap : tf.reduceSum(squaredGap, tf.constant(0)));
    }

    @Override
    public String spec() {
        return spec;
    }
}
