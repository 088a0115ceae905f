package org.softmaxzoo.teaching;

import org.softmaxzoo.graph.Losses;
import org.softmaxzoo.heads.spec.SpecException;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * Knowledge distillation: alpha T^2 CE(softmax(teacher / T), student / T) + (1 - alpha) CE(labels, student).
 * The soft-target term's gradients scale as 1/T^2, so the T^2 factor keeps the two terms' balance
 * independent of T.
 * <p>Hinton, Vinyals and Dean, "Distilling the Knowledge in a Neural Network", 2015.
 */
public final class Distillation {
    private Distillation() {
    }

    public static Operand<TFloat32> loss(Ops tf, Operand<TFloat32> studentLogits, Operand<TFloat32> teacherLogits,
                                         Operand<TFloat32> oneHot, float temperature, float alpha) {
        if (!(temperature > 0) || !(alpha >= 0 && alpha <= 1)) {
            throw new SpecException("distillation needs T > 0 and alpha in [0, 1], got T=" + temperature + ", alpha=" + alpha);
        }
        Operand<TFloat32> t = tf.constant(temperature);
        Operand<TFloat32> softTargets = tf.stopGradient(tf.nn.softmax(tf.math.div(teacherLogits, t)));
        Operand<TFloat32> soft = Losses.meanCrossEntropy(tf, tf.math.div(studentLogits, t), softTargets);
        Operand<TFloat32> hard = Losses.meanCrossEntropy(tf, studentLogits, oneHot);
        return tf.math.add(tf.math.mul(tf.constant(alpha * temperature * temperature), soft),
                tf.math.mul(tf.constant(1 - alpha), hard));
    }
}
