package org.softmaxzoo.graph;

import org.tensorflow.Tensor;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

/** Copies between Java arrays and tensors. */
public final class FloatTensors {
    private FloatTensors() {
    }

    /** A tensor of the given shape from the first shape.size() values of the array. */
    public static TFloat32 of(Shape shape, float[] values) {
        return TFloat32.tensorOf(shape, DataBuffers.of(values, true, false).narrow(shape.size()));
    }

    /** A tensor of the given shape from the first shape.size() values of the array. */
    public static TInt32 ints(Shape shape, int[] values) {
        return TInt32.tensorOf(shape, DataBuffers.of(values, true, false).narrow(shape.size()));
    }

    public static float[] read(Tensor tensor) {
        TFloat32 t = (TFloat32) tensor;
        float[] out = new float[(int) t.size()];
        t.copyTo(DataBuffers.of(out, false, false));
        return out;
    }

    public static float scalar(Tensor tensor) {
        return ((TFloat32) tensor).getFloat();
    }
}
