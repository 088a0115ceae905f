package org.softmaxzoo.heads.margins;

import org.softmaxzoo.graph.Parameters;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * The margin of a head: how the target class's cosine cos(theta_y) becomes the value the
 * cross-entropy sees (cos(theta) - m, cos(theta + m), psi(theta), ...). Applied element-wise; the head
 * keeps the result only in the label's column. The same function draws the curves in the figures
 * ({@code org.softmaxzoo.heads.MarginCurves}), so what is plotted is what trains.
 */
@FunctionalInterface
public interface TargetTransform {
    Operand<TFloat32> apply(Ops tf, Operand<TFloat32> cosine, Parameters params);

    /** cos(theta) unchanged: no margin. */
    TargetTransform NONE = (tf, cosine, params) -> cosine;
}
