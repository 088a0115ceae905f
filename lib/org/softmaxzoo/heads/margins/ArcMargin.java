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
        Operand<TFloat32> shifted = shifted(tf, cosine, tf.constant((float) Math.cos(m)), tf.constant((float) Math.sin(m)));
        if (easyMargin) {
            return easy(tf, cosine, shifted);
        }
        if (!fallback) {
            return shifted;
        }
        return withFallback(tf, cosine, shifted, tf.constant((float) Math.cos(Math.PI - m)), tf.constant((float) (m * Math.sin(m))));
    }

    /**
     * cos(theta + m_i) with one margin per element ({@code margins} of the cosines' shape, or broadcast to
     * it), and, unless {@code fallback} is false, cos theta - m_i sin m_i where theta + m_i would pass pi:
     * ElasticFace's drawn margins, MagFace's and the class-frequency margins.
     */
    public static Operand<TFloat32> perSample(Ops tf, Operand<TFloat32> cosine, Operand<TFloat32> margins, boolean fallback) {
        Operand<TFloat32> cosM = tf.math.cos(margins);
        Operand<TFloat32> shifted = shifted(tf, cosine, cosM, tf.math.sin(margins));
        return fallback ? withFallback(tf, cosine, shifted, tf.math.neg(cosM), tf.math.mul(margins, tf.math.sin(margins))) : shifted;
    }

    /**
     * cos(theta + m_i) with one margin per element where cos theta > 0, and cos theta elsewhere: the "easy
     * margin" form of {@link #perSample} (MagFace's authors' MagLinear by default).
     */
    public static Operand<TFloat32> perSampleEasy(Ops tf, Operand<TFloat32> cosine, Operand<TFloat32> margins) {
        return easy(tf, cosine, shifted(tf, cosine, tf.math.cos(margins), tf.math.sin(margins)));
    }

    /** {@code shifted} where cos(theta) > 0, the cosine itself elsewhere (the easy margin). */
    private static Operand<TFloat32> easy(Ops tf, Operand<TFloat32> cosine, Operand<TFloat32> shifted) {
        return tf.select(tf.math.greater(cosine, tf.constant(0f)), shifted, cosine);
    }

    /** cos(theta + m) = cos(theta) cos(m) - sin(theta) sin(m), for margins given by cos m and sin m (constants or per sample). */
    static Operand<TFloat32> shifted(Ops tf, Operand<TFloat32> cosine, Operand<TFloat32> cosM, Operand<TFloat32> sinM) {
        return tf.math.sub(tf.math.mul(cosine, cosM), tf.math.mul(Angles.sine(tf, cosine), sinM));
    }

    /** {@code shifted} where cos(theta) > cos(pi - m), else cos(theta) - m sin(m). */
    static Operand<TFloat32> withFallback(Ops tf, Operand<TFloat32> cosine, Operand<TFloat32> shifted,
                                          Operand<TFloat32> cosPiMinusM, Operand<TFloat32> mSinM) {
        return tf.select(tf.math.greater(cosine, cosPiMinusM), shifted, tf.math.sub(cosine, mSinM));
    }
}
