package org.softmaxzoo.graph;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The machine facts that change a run's float results: the processor, the widest vector extension its
 * kernels can use, the intra-op thread count and the devices the training step ran on. The same seed and
 * code give a different trajectory when one of them changes (oneDNN picks other kernels and another
 * summation order; results/NOTES.md, "Two machines"), so a run records them for every stretch of epochs it
 * trained ({@code train/MachineLog}).
 *
 * @param devices the devices' short names, e.g. {@code CPU:0}, space-separated
 */
public record Machine(String processor, String vectorUnits, int intraOpThreads, String devices) {
    private static final Path CPUINFO = Path.of("/proc/cpuinfo");
    private static final String DEVICE = "device:";
    /** Widest first: the first one a processor has is the one its kernels use. */
    private static final List<String[]> VECTOR_FLAGS = List.of(
            new String[] {"avx512f", "AVX-512"}, new String[] {"avx2", "AVX2"}, new String[] {"avx", "AVX"},
            new String[] {"sse4_2", "SSE4.2"});

    /**
     * This machine, with the thread count the options give (0, TensorFlow's default, is one per core) and the
     * devices a training step ran on (TensorFlow's full names, {@code /job:localhost/.../device:CPU:0}).
     */
    public static Machine here(SessionOptions options, List<String> devices) {
        int threads = options.intraOpThreads() == 0 ? Runtime.getRuntime().availableProcessors() : options.intraOpThreads();
        String shortDevices = shortNames(devices);
        String cpuinfo;
        try {
            cpuinfo = Files.readString(CPUINFO);
        } catch (IOException | RuntimeException e) {
            return new Machine(System.getProperty("os.arch") + " (no " + CPUINFO + ")", "unknown", threads, shortDevices);
        }
        return fromCpuinfo(cpuinfo, threads, shortDevices);
    }

    /** From the text of Linux's /proc/cpuinfo: its first processor's model name, family and model, and flags. */
    public static Machine fromCpuinfo(String cpuinfo, int intraOpThreads, String devices) {
        String block = cpuinfo.split("\\n\\s*\\n", 2)[0];
        String name = field(block, "model name");
        String family = field(block, "cpu family");
        String model = field(block, "model");
        String processor = (name == null ? "unknown processor" : name)
                + (family == null || model == null ? "" : " (family " + family + " model " + model + ")");
        String flags = field(block, "flags");
        Set<String> have = new HashSet<>(flags == null ? List.of() : Arrays.asList(flags.split("\\s+")));
        String vector = VECTOR_FLAGS.stream().filter(f -> have.contains(f[0])).map(f -> f[1]).findFirst()
                .orElse(flags == null ? "unknown" : "none");
        return new Machine(processor, vector, intraOpThreads, devices);
    }

    /** {@code /job:localhost/replica:0/task:0/device:CPU:0} -> {@code CPU:0}, space-separated; "unknown" for none. */
    static String shortNames(List<String> devices) {
        if (devices.isEmpty()) {
            return "unknown";
        }
        return String.join(" ", devices.stream().map(d -> {
            int at = d.lastIndexOf(DEVICE);
            return at < 0 ? d : d.substring(at + DEVICE.length());
        }).toList());
    }

    private static String field(String block, String key) {
        for (String line : block.split("\\n")) {
            int colon = line.indexOf(':');
            if (colon > 0 && line.substring(0, colon).trim().equals(key)) {
                return line.substring(colon + 1).trim();
            }
        }
        return null;
    }

    /** One line, e.g. {@code AMD EPYC (family 26 model 2), AVX-512, 1 intra-op thread(s), CPU:0}. */
    @Override
    public String toString() {
        return processor + ", " + vectorUnits + ", " + intraOpThreads + " intra-op thread(s), " + devices;
    }
}
