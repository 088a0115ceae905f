package org.softmaxzoo.eval;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.softmaxzoo.train.AtomicFiles;

/**
 * A verification run's results in its folder: one line of metrics per pair set (unseen, seen) and the
 * ROC thinned to its points at 200 false-accept rates spaced evenly in log scale from 1e-5 to 1.
 */
final class MetricsFile {
    static final String FILE = "openset-metrics.csv";
    private static final int GRID = 200;

    private MetricsFile() {
    }

    static boolean exists(Path runDir) {
        return Files.exists(runDir.resolve(FILE));
    }

    static void write(Path runDir, OpenSetBenchmark.Metrics unseen, OpenSetBenchmark.Metrics seen) {
        StringBuilder sb = new StringBuilder("set,auc,eer,tar_at_far1e-3,far,tar\n");
        append(sb, "unseen", unseen);
        append(sb, "seen", seen);
        AtomicFiles.writeString(runDir.resolve(FILE), sb.toString());
    }

    private static void append(StringBuilder sb, String set, OpenSetBenchmark.Metrics m) {
        for (int i = 0; i <= GRID; i++) {
            double far = Math.pow(10, -5 + 5.0 * i / GRID);
            sb.append(String.format(Locale.ROOT, "%s,%.6f,%.6f,%.6f,%.6g,%.6f%n", set, m.auc(), m.equalErrorRate(),
                    m.tarAtFar1e3(), far, m.roc().tarAtFar(far)));
        }
    }

    /** The unseen and the seen metrics, with the thinned ROC. */
    static OpenSetBenchmark.Metrics[] read(Path runDir) {
        try {
            List<String> lines = Files.readAllLines(runDir.resolve(FILE));
            return new OpenSetBenchmark.Metrics[] {parse(lines, "unseen"), parse(lines, "seen")};
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + runDir.resolve(FILE), e);
        }
    }

    private static OpenSetBenchmark.Metrics parse(List<String> lines, String set) {
        List<double[]> rows = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(",");
            if (f[0].equals(set)) {
                rows.add(new double[] {Double.parseDouble(f[1]), Double.parseDouble(f[2]), Double.parseDouble(f[3]),
                    Double.parseDouble(f[4]), Double.parseDouble(f[5])});
            }
        }
        if (rows.isEmpty()) {
            throw new IllegalStateException(FILE + " has no rows for the " + set + " pairs");
        }
        double[] far = rows.stream().mapToDouble(r -> r[3]).toArray();
        double[] tar = rows.stream().mapToDouble(r -> r[4]).toArray();
        double[] first = rows.get(0);
        Verification.Roc roc = new Verification.Roc(far, tar, new double[far.length], first[0]);
        return new OpenSetBenchmark.Metrics(first[0], first[1], first[2], roc);
    }
}
