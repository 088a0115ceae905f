package org.softmaxzoo.train;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.softmaxzoo.data.ImageSet;
import org.softmaxzoo.graph.TrainStep;
import org.softmaxzoo.graph.FloatTensors;
import org.softmaxzoo.graph.Losses;
import org.softmaxzoo.graph.Machine;
import org.softmaxzoo.graph.Device;
import org.softmaxzoo.graph.SessionOptions;
import org.softmaxzoo.graph.Towers;
import org.softmaxzoo.graph.VariableStore;
import org.softmaxzoo.heads.core.EpochHook;
import org.softmaxzoo.heads.core.HeadInput;
import org.softmaxzoo.heads.core.HeadOutput;
import org.softmaxzoo.heads.core.LossHead;
import org.softmaxzoo.model.FeatureExtractor;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.Tensor;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.proto.DeviceStepStats;
import org.tensorflow.proto.RunOptions;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

/**
 * The graph of one run: a feature extractor, a loss head, weight decay and Adam, with a session.
 * Feeds batches from Java arrays; evaluates, extracts features and reads or restores every variable.
 */
public final class TrainingGraph implements AutoCloseable {
    private static final int EVAL_BATCH = 1000;

    private final Graph graph = new Graph();
    private final Session session;
    private final VariableStore store;
    private final SessionOptions options;
    private final int side;
    private final int featureDim;
    private final Placeholder<TFloat32> images;
    private final Placeholder<TInt32> labels;
    private final Operand<TFloat32> features;
    private final HeadOutput head;
    private final Operand<TFloat32> headLoss;
    private final Operand<TFloat32> correct;
    private final Op trainStep;
    private static final RunOptions TRACE = RunOptions.newBuilder().setTraceLevel(RunOptions.TraceLevel.FULL_TRACE).build();
    private List<String> devices;

    /** Loss and number of correct predictions of one training batch. */
    public record StepResult(float loss, float correct) {
    }

    public TrainingGraph(FeatureExtractor extractor, LossHead lossHead, int numClasses, int side, float learningRate,
                         float weightDecay, long seed) {
        this(extractor, lossHead, numClasses, side, learningRate, weightDecay, seed, SessionOptions.fromSystemProperties());
    }

    public TrainingGraph(FeatureExtractor extractor, LossHead lossHead, int numClasses, int side, float learningRate,
                         float weightDecay, long seed, SessionOptions options) {
        Device.fromSystemProperties().check();
        this.options = options;
        this.side = side;
        this.featureDim = extractor.featureDim();
        Ops tf = Ops.create(graph);
        store = new VariableStore(tf, seed);
        images = tf.withName("images").placeholder(TFloat32.class, Placeholder.shape(Shape.of(-1, side, side, 1)));
        labels = tf.withName("labels").placeholder(TInt32.class, Placeholder.shape(Shape.of(-1)));
        Operand<TFloat32> oneHot = tf.oneHot(labels, tf.constant(numClasses), tf.constant(1f), tf.constant(0f));
        features = tf.withName("features").identity(Towers.map(tf, images, options.towers(), x -> extractor.features(tf, x, store)));
        head = lossHead.build(tf, new HeadInput(features, labels, oneHot, numClasses, featureDim), store);
        headLoss = head.loss();
        Operand<TFloat32> total = weightDecay > 0
                ? tf.math.add(headLoss, Losses.weightDecay(tf, store, weightDecay)) : headLoss;
        correct = Losses.correctCount(tf, head.logits(), labels);
        trainStep = TrainStep.build(tf, store, total, learningRate, List.of(headLoss, correct));
        session = new Session(graph, options.toConfig());
        session.initialize();
    }

    public VariableStore store() {
        return store;
    }

    /** One Adam step on the first {@code n} images and labels of the arrays. */
    public StepResult train(float[] batchImages, int[] batchLabels, int n) {
        try (TFloat32 x = FloatTensors.of(Shape.of(n, side, side, 1), batchImages);
             TInt32 y = FloatTensors.ints(Shape.of(n), batchLabels)) {
            Session.Runner runner = session.runner().feed(images, x).feed(labels, y)
                    .addTarget(trainStep).fetch(headLoss).fetch(correct);
            // The first step is traced once to learn where TensorFlow placed the graph.
            boolean first = devices == null;
            Result result = first ? runner.setOptions(TRACE).runAndFetchMetadata() : runner.run();
            if (first) {
                devices = result.getMetadata().map(md -> md.getStepStats().getDevStatsList().stream()
                        .map(DeviceStepStats::getDevice).sorted().distinct().toList()).orElse(List.of());
            }
            try (result) {
                return new StepResult(FloatTensors.scalar(result.get(0)), FloatTensors.scalar(result.get(1)));
            }
        }
    }

    /** The prediction logits of the first {@code n} images of the array: one forward pass, no update. */
    public float[] logits(float[] batchImages, int n) {
        try (TFloat32 x = FloatTensors.of(Shape.of(n, side, side, 1), batchImages);
             Result r = session.runner().feed(images, x).fetch(head.logits()).run()) {
            return FloatTensors.read(r.get(0));
        }
    }

    /**
     * Runs one traced training step and returns the time spent per kernel (microseconds, summed over
     * nodes, largest first): where a step's time goes, for speed work. Kernels are named as they ran,
     * so oneDNN's replacements show as such (_MklNativeConv2DBackpropFilter...).
     */
    public Map<String, Long> profileStep(float[] batchImages, int[] batchLabels, int n) {
        try (TFloat32 x = FloatTensors.of(Shape.of(n, side, side, 1), batchImages);
             TInt32 y = FloatTensors.ints(Shape.of(n), batchLabels);
             Result result = session.runner().feed(images, x).feed(labels, y).addTarget(trainStep)
                     .setOptions(TRACE).runAndFetchMetadata()) {
            Map<String, Long> byType = new java.util.HashMap<>();
            result.getMetadata().ifPresent(md -> md.getStepStats().getDevStatsList().forEach(d -> d.getNodeStatsList().forEach(node -> {
                String type = kernelName(node.getTimelineLabel(), node.getNodeName());
                byType.merge(type, node.getOpEndRelMicros() - node.getOpStartRelMicros(), Long::sum);
            })));
            Map<String, Long> sorted = new LinkedHashMap<>();
            byType.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                    .forEach(e -> sorted.put(e.getKey(), e.getValue()));
            return sorted;
        }
    }

    /** "name = Kernel(inputs)" in a trace's timeline label, else the node's own op type. */
    private String kernelName(String timelineLabel, String nodeName) {
        int eq = timelineLabel.indexOf(" = ");
        int paren = timelineLabel.indexOf('(', eq + 3);
        if (eq >= 0 && paren > eq) {
            return timelineLabel.substring(eq + 3, paren);
        }
        var op = graph.operation(nodeName.split(":")[0]);
        return op != null ? op.type() : nodeName;
    }

    /** The devices the first training step ran on (empty before the first step). */
    public List<String> devices() {
        return devices == null ? List.of() : devices;
    }

    /** This machine as it runs this graph: the processor, the session's thread count, the devices of the first step. */
    public Machine machine() {
        return Machine.here(options, devices());
    }

    /** Fraction of images whose predicted class (arg-max of the prediction logits) is the label. */
    public double accuracy(ImageSet set) {
        double hits = 0;
        for (int start = 0; start < set.size(); start += EVAL_BATCH) {
            int n = Math.min(EVAL_BATCH, set.size() - start);
            try (Result r = runOn(set, start, n, correct, true)) {
                hits += FloatTensors.scalar(r.get(0));
            }
        }
        return hits / set.size();
    }

    /** The predicted class of every image: the arg-max of the head's prediction logits. */
    public int[] predictions(ImageSet set) {
        int[] out = new int[set.size()];
        int classes = set.numClasses();
        for (int start = 0; start < set.size(); start += EVAL_BATCH) {
            int n = Math.min(EVAL_BATCH, set.size() - start);
            try (Result r = runOn(set, start, n, head.logits(), false)) {
                float[] logits = FloatTensors.read(r.get(0));
                for (int i = 0; i < n; i++) {
                    int best = 0;
                    for (int j = 1; j < classes; j++) {
                        best = logits[i * classes + j] > logits[i * classes + best] ? j : best;
                    }
                    out[start + i] = best;
                }
            }
        }
        return out;
    }

    /** Features of every image (size x d, row-major). */
    public float[] features(ImageSet set) {
        return rows(set, features);
    }

    private Result runOn(ImageSet set, int start, int n, Operand<TFloat32> fetch, boolean needsLabels) {
        float[] px = java.util.Arrays.copyOfRange(set.pixels(), start * set.imageSize(), (start + n) * set.imageSize());
        int[] lb = java.util.Arrays.copyOfRange(set.labels(), start, start + n);
        try (TFloat32 x = FloatTensors.of(Shape.of(n, side, side, 1), px); TInt32 y = FloatTensors.ints(Shape.of(n), lb)) {
            Session.Runner runner = session.runner().feed(images, x).fetch(fetch);
            if (needsLabels) {
                runner.feed(labels, y);
            }
            return runner.run();
        }
    }

    /**
     * Runs the head's between-epoch hooks after the training pass of {@code epoch} on {@code train}
     * (Sub-center ArcFace's drop); nothing for most heads.
     */
    public void afterEpoch(int epoch, ImageSet train) {
        EpochHook.Context context = new EpochHook.Context() {
            @Override
            public float[] overTrainingSet(Operand<TFloat32> perSample) {
                return rows(train, perSample);
            }

            @Override
            public int[] trainingLabels() {
                return train.labels().clone();
            }

            @Override
            public void assign(String state, float[] values) {
                assignState(state, values);
            }
        };
        head.epochHooks().forEach(h -> h.afterEpoch(epoch, context));
    }

    /** A per-sample operand of the images (not the labels) over every image of the set, rows in the set's order. */
    private float[] rows(ImageSet set, Operand<TFloat32> perSample) {
        List<float[]> parts = new ArrayList<>();
        int total = 0;
        for (int start = 0; start < set.size(); start += EVAL_BATCH) {
            int n = Math.min(EVAL_BATCH, set.size() - start);
            try (Result r = runOn(set, start, n, perSample, false)) {
                float[] part = FloatTensors.read(r.get(0));
                parts.add(part);
                total += part.length;
            }
        }
        float[] out = new float[total];
        int at = 0;
        for (float[] part : parts) {
            System.arraycopy(part, 0, out, at, part.length);
            at += part.length;
        }
        return out;
    }

    private void assignState(String name, float[] values) {
        VariableStore.Slot s = store.get(name);
        if (s.trainable() || values.length != s.shape().size()) {
            throw new IllegalArgumentException("cannot assign " + values.length + " values to " + name
                    + (s.trainable() ? ": it is trainable" : ", shape " + s.shape()));
        }
        try (TFloat32 t = FloatTensors.of(s.shape(), values)) {
            session.runner().feed(s.restoreValue(), t).addTarget(s.restore()).run().close();
        }
    }

    /** Current value of one variable. */
    public float[] value(String name) {
        try (Result r = session.runner().fetch(store.get(name).read()).run()) {
            return FloatTensors.read(r.get(0));
        }
    }

    /** Every variable's current value, by name. */
    public Map<String, float[]> values() {
        Session.Runner runner = session.runner();
        List<VariableStore.Slot> slots = store.all();
        slots.forEach(s -> runner.fetch(s.read()));
        Map<String, float[]> out = new LinkedHashMap<>();
        try (Result r = runner.run()) {
            for (int i = 0; i < slots.size(); i++) {
                out.put(slots.get(i).name(), FloatTensors.read(r.get(i)));
            }
        }
        return out;
    }

    /** Sets every variable from saved values; all of the graph's variables must be present with their sizes. */
    public void restore(Map<String, float[]> values) {
        Session.Runner runner = session.runner();
        List<Tensor> fed = new ArrayList<>();
        try {
            for (VariableStore.Slot s : store.all()) {
                float[] v = values.get(s.name());
                if (v == null || v.length != s.shape().size()) {
                    throw new IllegalStateException("checkpoint does not match this graph: variable " + s.name()
                            + (v == null ? " is missing" : " has " + v.length + " values, expected " + s.shape().size()));
                }
                TFloat32 t = FloatTensors.of(s.shape(), v);
                fed.add(t);
                runner.feed(s.restoreValue(), t).addTarget(s.restore());
            }
            runner.run().close();
        } finally {
            fed.forEach(Tensor::close);
        }
    }

    @Override
    public void close() {
        session.close();
        graph.close();
    }
}
