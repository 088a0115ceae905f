package org.softmaxzoo.heads.margins;

import org.softmaxzoo.heads.spec.SpecException;

import org.softmaxzoo.graph.Parameters;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * Multiplicative angular margin (L-Softmax, A-Softmax): psi(theta) = (-1)^k cos(m theta) - 2k for
 * theta in [k pi/m, (k+1) pi/m], a monotonically decreasing extension of cos(m theta) to [0, pi].
 * cos(m theta) is the Chebyshev polynomial T_m of cos(theta), so no acos or sqrt is needed and the
 * gradient is finite at theta = 0 and pi; k counts the thresholds cos(j pi/m) that cos(theta) lies at
 * or below.
 */
public record MultiplicativeMargin(int m) implements TargetTransform {

    public MultiplicativeMargin {
        if (m < 1 || m > 5) {
            throw new SpecException("multiplicative margin m must be an integer from 1 to 5, got " + m);
        }
    }

    @Override
    public Operand<TFloat32> apply(Ops tf, Operand<TFloat32> cosine, Parameters params) {
        Operand<TFloat32> c = tf.clipByValue(cosine, tf.constant(-1f), tf.constant(1f));
        Operand<TFloat32> cosMTheta = chebyshev(tf, c, m);
        // k and (-1)^k are step functions of c, built from comparisons on a gradient-stopped copy and
        // scalars that broadcast (ZerosLike, OnesLike and FloorMod have no gradient in TF's C++ registry):
        // each threshold passed adds 1 to k and flips the sign.
        Operand<TFloat32> frozen = tf.stopGradient(c);
        Operand<TFloat32> k = tf.constant(0f);
        Operand<TFloat32> sign = tf.constant(1f);
        for (int j = 1; j < m; j++) {
            Operand<TFloat32> passed = Angles.indicator(tf, tf.math.lessEqual(frozen, tf.constant((float) Math.cos(j * Math.PI / m))));
            k = tf.math.add(k, passed);
            sign = tf.math.mul(sign, tf.math.sub(tf.constant(1f), tf.math.mul(tf.constant(2f), passed)));
        }
        return tf.math.sub(tf.math.mul(sign, cosMTheta), tf.math.mul(tf.constant(2f), k));
    }

    /** T_m(c) = cos(m acos c), expanded as cos(m theta) = sum_n (-1)^n C(m, 2n) cos^(m-2n) sin^(2n), sin^2 = 1 - c^2. */
    static Operand<TFloat32> chebyshev(Ops tf, Operand<TFloat32> c, int m) {
        Operand<TFloat32> sin2 = tf.math.sub(tf.constant(1f), tf.math.square(c));
        Operand<TFloat32> sum = null;
        for (int n = 0; 2 * n <= m; n++) {
            double coefficient = (n % 2 == 0 ? 1 : -1) * binomial(m, 2 * n);
            Operand<TFloat32> term = tf.constant((float) coefficient);
            for (int i = 0; i < m - 2 * n; i++) {
                term = tf.math.mul(term, c);
            }
            for (int i = 0; i < n; i++) {
                term = tf.math.mul(term, sin2);
            }
            sum = sum == null ? term : tf.math.add(sum, term);
        }
        return sum;
    }

    private static long binomial(int n, int k) {
        long r = 1;
        for (int i = 1; i <= k; i++) {
            r = r * (n - k + i) / i;
        }
        return r;
    }
}
