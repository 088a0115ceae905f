package org.softmaxzoo.cli;

import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.softmaxzoo.graph.SessionOptions;
import org.softmaxzoo.train.TrainingBenchmark;
import org.tensorflow.TensorFlow;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Time training steps and inference batches of the default network on random data "
                + "(warm-up excluded, median of repeats); bench/compare.sh puts PyTorch beside it.")
final class BenchCommand implements Callable<Integer>, RunsTensorFlow {
    @Option(names = "--batch", split = ",", defaultValue = "64,256", description = "Batch sizes. Default: ${DEFAULT-VALUE}")
    List<Integer> batches;

    @Option(names = "--steps", defaultValue = "100", description = "Timed steps per repeat. Default: ${DEFAULT-VALUE}")
    int steps;

    @Option(names = "--warmup", defaultValue = "20", description = "Untimed steps first. Default: ${DEFAULT-VALUE}")
    int warmup;

    @Option(names = "--repeats", defaultValue = "3", description = "Timed repeats; the median is reported. Default: ${DEFAULT-VALUE}")
    int repeats;

    @Option(names = "--head", defaultValue = "softmax", description = "Head spec. Default: ${DEFAULT-VALUE}")
    String head;

    @Option(names = "--intra", defaultValue = "0", description = "Intra-op threads (0 = one per core). Default: ${DEFAULT-VALUE}")
    int intra;

    @Option(names = "--inter", defaultValue = "" + SessionOptions.DEFAULT_INTER_OP_THREADS,
            description = "Inter-op threads (0 = TensorFlow's default). Default: ${DEFAULT-VALUE}")
    int inter;

    @Option(names = "--towers", defaultValue = "1", description = "Slices of the batch run side by side (see Towers). Default: ${DEFAULT-VALUE}")
    int towers;

    @Option(names = "--xla", description = "Compile the graph with XLA JIT")
    boolean xla;

    @Option(names = "--profile", description = "Also print where one traced training step spends its time, by kernel")
    boolean profile;

    @Mixin
    DeviceOption device;

    @Override
    public Integer call() {
        device.apply();
        SessionOptions options = new SessionOptions(intra, inter, xla, towers);
        System.out.printf("TensorFlow %s, oneDNN %s, %d CPU cores visible to Java, %s, head %s, %d warm-up + %d x %d steps%n",
                TensorFlow.version(), OneDnnSwitch.enabledHere() ? "on" : "off", Runtime.getRuntime().availableProcessors(),
                options, head, warmup, repeats, steps);
        for (int batch : batches) {
            TrainingBenchmark.Result r = TrainingBenchmark.run(head, 2, batch, warmup, steps, repeats, options);
            System.out.println("devices: " + String.join(", ", r.devices()));
            if (profile) {
                printProfile(r);
            }
            System.out.printf(Locale.ROOT, "train images/s (batch %d, median of %d): %.1f%n", batch, repeats, r.trainMedian());
            System.out.printf(Locale.ROOT, "inference images/s (batch %d, median of %d): %.1f%n", batch, repeats, r.inferMedian());
        }
        return 0;
    }

    private static void printProfile(TrainingBenchmark.Result r) {
        long total = r.profile().values().stream().mapToLong(Long::longValue).sum();
        System.out.printf("one traced step at batch %d, time per kernel (sum over nodes, %d us in all):%n", r.batch(), total);
        r.profile().entrySet().stream().limit(15).forEach(e -> System.out.printf(Locale.ROOT, "  %-44s %8d us  %5.1f%%%n",
                e.getKey(), e.getValue(), 100.0 * e.getValue() / total));
    }
}
