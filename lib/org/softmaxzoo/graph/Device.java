package org.softmaxzoo.graph;

import java.util.Locale;
import org.tensorflow.DeviceSpec;
import org.tensorflow.Graph;
import org.tensorflow.Session;
import org.tensorflow.op.Ops;
import org.tensorflow.proto.ConfigProto;
import org.tensorflow.types.TFloat32;

/**
 * Where graphs run: {@code auto} (TensorFlow's choice: a GPU when this build and the host have one),
 * {@code cpu} (GPUs hidden from TensorFlow), or {@code gpu} (refused up front when TensorFlow sees none,
 * rather than falling back to the CPU silently). Read from the system property {@value #PROPERTY},
 * which the commands' {@code --device} option sets.
 */
public enum Device {
    AUTO, CPU, GPU;

    public static final String PROPERTY = "softmaxzoo.device";

    public static Device parse(String name) {
        try {
            return valueOf(name.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown device '" + name + "'; accepted: auto, cpu, gpu");
        }
    }

    public static Device fromSystemProperties() {
        return parse(System.getProperty(PROPERTY, "auto"));
    }

    /** Applies the choice to a session configuration: {@code cpu} hides the GPUs. */
    ConfigProto.Builder configure(ConfigProto.Builder config) {
        return this == CPU ? config.putDeviceCount("GPU", 0) : config;
    }

    /** For {@code gpu}: fails with the fix when TensorFlow sees no GPU. */
    public void check() {
        if (this == GPU && !gpuVisible()) {
            throw new IllegalStateException("--device gpu: TensorFlow sees no GPU (this build is the CPU build, or the host "
                    + "has no CUDA 12 / cuDNN 9 GPU): build with `mvn -Pgpu package` on a host with an NVIDIA GPU and its "
                    + "driver, or use --device auto or cpu");
        }
    }

    /** Whether an op pinned to the first GPU can run, with soft placement off (so no silent CPU fallback). */
    public static boolean gpuVisible() {
        try (Graph g = new Graph()) {
            Ops tf = Ops.create(g).withDevice(DeviceSpec.newBuilder().deviceType(DeviceSpec.DeviceType.GPU).deviceIndex(0).build());
            var probe = tf.math.add(tf.constant(1f), tf.constant(1f));
            try (Session s = new Session(g, ConfigProto.newBuilder().setAllowSoftPlacement(false).build());
                 TFloat32 ignored = (TFloat32) s.runner().fetch(probe).run().get(0)) {
                return true;
            } catch (RuntimeException e) {
                return false;
            }
        }
    }
}
