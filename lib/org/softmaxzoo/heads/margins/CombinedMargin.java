package org.softmaxzoo.heads.margins;

import org.softmaxzoo.graph.Parameters;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * Combined margin cos(m1 theta + m2) - m3. With m1 = 1 the angular part is {@link ArcMargin}'s
 * formula (with its fallback past pi), so (1, m2, 0) is ArcFace and (1, 0, m3) is CosFace exactly;
 * with m1 != 1 it is cos(m1 acos(cos theta) + m2), whose raw cosine (m1, 0, 0) is the SphereFace-style
 * cos(m1 theta) (it agrees with psi(theta) for theta up to pi/m1; use sphereface for the monotonic psi).
 */
public record CombinedMargin(float m1, float m2, float m3) implements TargetTransform {
    @Override
    public Operand<TFloat32> apply(Ops tf, Operand<TFloat32> cosine, Parameters params) {
        Operand<TFloat32> angular;
        if (m1 == 1f) {
            angular = m2 == 0f ? cosine : new ArcMargin(m2, false).apply(tf, cosine, params);
        } else {
            angular = tf.math.cos(tf.math.add(tf.math.mul(tf.constant(m1), Angles.angle(tf, cosine)), tf.constant(m2)));
        }
        return m3 == 0f ? angular : tf.math.sub(angular, tf.constant(m3));
    }
}
