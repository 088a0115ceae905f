package org.softmaxzoo.cli;

import java.util.Locale;
import java.util.concurrent.Callable;
import org.softmaxzoo.graph.SessionOptions;
import org.softmaxzoo.train.TrainingBenchmark;
import org.tensorflow.TensorFlow;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Time training steps of the default network on random data; the last line is images/s.")
final class BenchCommand implements Callable<Integer> {
    @Option(names = "--batch", defaultValue = "64", description = "Batch size. Default: ${DEFAULT-VALUE}")
    int batch;

    @Option(names = "--steps", defaultValue = "100", description = "Timed steps per repeat. Default: ${DEFAULT-VALUE}")
    int steps;

    @Option(names = "--warmup", defaultValue = "20", description = "Untimed steps first. Default: ${DEFAULT-VALUE}")
    int warmup;

    @Option(names = "--repeats", defaultValue = "3", description = "Timed repeats; the median is reported. Default: ${DEFAULT-VALUE}")
    int repeats;

    @Option(names = "--head", defaultValue = "softmax", description = "Head spec. Default: ${DEFAULT-VALUE}")
    String head;

    @Option(names = "--intra", defaultValue = "0", description = "Intra-op threads (0 = TensorFlow's default). Default: ${DEFAULT-VALUE}")
    int intra;

    @Option(names = "--inter", defaultValue = "0", description = "Inter-op threads (0 = TensorFlow's default). Default: ${DEFAULT-VALUE}")
    int inter;

    @Option(names = "--xla", description = "Compile the graph with XLA JIT")
    boolean xla;

    @Option(names = "--profile", description = "Also print where one traced step spends its time, by op type")
    boolean profile;

    @Override
    public Integer call() {
        SessionOptions options = new SessionOptions(intra, inter, xla);
        System.out.printf("TensorFlow %s, %d CPU cores visible to Java, %s, head %s, batch %d, %d warm-up + %d x %d steps%n",
                TensorFlow.version(), Runtime.getRuntime().availableProcessors(), options, head, batch, warmup, repeats, steps);
        TrainingBenchmark.Result r = TrainingBenchmark.run(head, 2, batch, warmup, steps, repeats, options);
        if (profile) {
            long total = r.profile().values().stream().mapToLong(Long::longValue).sum();
            System.out.printf("one traced step, time per op type (sum over nodes and threads, %d us in all):%n", total);
            r.profile().entrySet().stream().limit(15).forEach(e -> System.out.printf(Locale.ROOT, "  %-36s %8d us  %5.1f%%%n",
                    e.getKey(), e.getValue(), 100.0 * e.getValue() / total));
        }
        for (int i = 0; i < r.imagesPerSecond().length; i++) {
            System.out.printf(Locale.ROOT, "repeat %d: %.1f images/s%n", i + 1, r.imagesPerSecond()[i]);
        }
        System.out.printf(Locale.ROOT, "train images/s (batch %d, median of %d): %.1f%n", batch, repeats, r.median());
        return 0;
    }
}
