package org.softmaxzoo.heads.margins;

import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/** Numerically safe angle arithmetic on cosines. */
public final class Angles {
    /**
     * Cosines are clamped into [-1 + EPS, 1 - EPS] before sqrt(1 - cos^2) or acos: both have an
     * infinite derivative at |cos| = 1, which a feature lying exactly on (or opposite to) its class
     * weight reaches. EPS = 2^-24 is the tightest float32 clamp: 1 - 2^-24 is the largest float below 1,
     * where 1 - cos^2 = 2^-23 and the derivatives stay finite (about 2900), while sin(theta) is off by at
     * most sqrt(2^-23) = 3.5e-4 at theta = 0 and pi (1e-6 cost 1.4e-3, about 1.3e-3 s in ArcFace's logit).
     */
    public static final float EPS = 0x1p-24f;

    private Angles() {
    }

    public static Operand<TFloat32> clamp(Ops tf, Operand<TFloat32> cosine) {
        return tf.clipByValue(cosine, tf.constant(-1f + EPS), tf.constant(1f - EPS));
    }

    /** sin(theta) = sqrt(1 - cos^2) for theta in [0, pi], on the clamped cosine. */
    public static Operand<TFloat32> sine(Ops tf, Operand<TFloat32> cosine) {
        Operand<TFloat32> c = clamp(tf, cosine);
        return tf.math.sqrt(tf.math.sub(tf.constant(1f), tf.math.square(c)));
    }

    /** theta = acos(cos), on the clamped cosine. */
    public static Operand<TFloat32> angle(Ops tf, Operand<TFloat32> cosine) {
        return tf.math.acos(clamp(tf, cosine));
    }

    /** 1.0 where the condition holds, else 0.0, with no gradient path through the comparison. */
    public static Operand<TFloat32> indicator(Ops tf, Operand<org.tensorflow.types.TBool> condition) {
        return tf.dtypes.cast(condition, TFloat32.class);
    }
}
