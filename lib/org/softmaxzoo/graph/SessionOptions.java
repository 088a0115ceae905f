package org.softmaxzoo.graph;

import org.tensorflow.proto.ConfigProto;
import org.tensorflow.proto.GraphOptions;
import org.tensorflow.proto.OptimizerOptions;

/**
 * How TensorFlow runs a graph: thread pools (0 = TensorFlow's choice, one thread per core), XLA
 * JIT compilation, and the number of {@link Towers} the feature extractor's batch is cut into. None
 * of it changes the mathematics. Read from the system properties {@code softmaxzoo.intra},
 * {@code softmaxzoo.inter}, {@code softmaxzoo.xla} and {@code softmaxzoo.towers} when not given; the device
 * ({@link Device}) from {@code softmaxzoo.device}.
 *
 * <p>The default runs one op at a time, each on every core: the network is a chain of convolutions
 * that already use all cores, and running two of them side by side (a layer's input and filter
 * gradients) only makes them compete (measured in notes/speed.md: +6% per step with one inter-op thread).
 */
public record SessionOptions(int intraOpThreads, int interOpThreads, boolean xla, int towers) {

    public static final int DEFAULT_INTER_OP_THREADS = 1;

    public SessionOptions {
        if (intraOpThreads < 0 || interOpThreads < 0) {
            throw new IllegalArgumentException("thread counts must be >= 0 (0 = TensorFlow's default)");
        }
        if (towers < 1) {
            throw new IllegalArgumentException("towers must be at least 1, got " + towers);
        }
    }

    public SessionOptions(int intraOpThreads, int interOpThreads, boolean xla) {
        this(intraOpThreads, interOpThreads, xla, 1);
    }

    public static SessionOptions fromSystemProperties() {
        return new SessionOptions(Integer.getInteger("softmaxzoo.intra", 0), Integer.getInteger("softmaxzoo.inter", DEFAULT_INTER_OP_THREADS),
                Boolean.getBoolean("softmaxzoo.xla"), Integer.getInteger("softmaxzoo.towers", 1));
    }

    public ConfigProto toConfig() {
        ConfigProto.Builder b = Device.fromSystemProperties().configure(ConfigProto.newBuilder())
                .setIntraOpParallelismThreads(intraOpThreads)
                .setInterOpParallelismThreads(interOpThreads);
        if (xla) {
            b.setGraphOptions(GraphOptions.newBuilder().setOptimizerOptions(
                    OptimizerOptions.newBuilder().setGlobalJitLevel(OptimizerOptions.GlobalJitLevel.ON_1)));
        }
        return b.build();
    }

    @Override
    public String toString() {
        return "intra-op threads " + (intraOpThreads == 0 ? "default" : intraOpThreads) + ", inter-op threads "
                + (interOpThreads == 0 ? "default" : interOpThreads) + ", XLA " + (xla ? "on" : "off") + ", towers " + towers;
    }
}
