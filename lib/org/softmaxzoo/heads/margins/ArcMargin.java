package org.softmaxzoo.heads.margins;

import org.softmaxzoo.graph.Parameters;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * Additive angular margin (ArcFace): cos(theta + m) = cos(theta) cos(m) - sin(theta) sin(m). Past
 * theta + m = pi the curve would turn back up, so there (cos(theta) < cos(pi - m)) the standard
 * fallback cos(theta) - m sin(m) keeps it decreasing. With {@code easyMargin} the margin applies only
 * where cos(theta) > 0 and the cosine is left as it is elsewhere. Without {@code fallback} the formula
 * is taken as written for every angle (as implementations that compute cos(acos(cos theta) + m) do):
 * past pi - m the target logit then grows with the angle, so a feature there is pushed further from its
 * class, not towards it.
 */
public record ArcMargin(float m, boolean easyMargin, boolean fallback) implements TargetTransform {
    /** The standard form: with the fallback past pi - m. */
    public ArcMargin(float m, boolean easyMargin) {
        this(m, easyMargin, true);
    }

    @Override
    public Operand<TFloat32> apply(Ops tf, Operand<TFloat32> cosine, Parameters params) {
        Operand<TFloat32> shifted = tf.math.sub(tf.math.mul(cosine, tf.constant((float) Math.cos(m))),
                tf.math.mul(Angles.sine(tf, cosine), tf.constant((float) Math.sin(m))));
        if (easyMargin) {
            return tf.select(tf.math.greater(cosine, tf.constant(0f)), shifted, cosine);
        }
        if (!fallback) {
            return shifted;
        }
        Operand<TFloat32> linear = tf.math.sub(cosine, tf.constant((float) (m * Math.sin(m))));
        return tf.select(tf.math.greater(cosine, tf.constant((float) Math.cos(Math.PI - m))), shifted, linear);
    }
}
