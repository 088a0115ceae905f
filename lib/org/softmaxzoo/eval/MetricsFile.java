package org.softmaxzoo.eval;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.softmaxzoo.train.AtomicFiles;
import org.softmaxzoo.train.RunFolder;

/**
 * A verification run's results in its folder: one line of metrics per pair set (unseen, seen) and the
 * ROC thinned to its points at 200 false-accept rates spaced evenly in log scale from 1e-5 to 1. Columns
 * are found by their header names, so a file written before a column existed still reads: the missing
 * numbers come back as NaN.
 */
final class MetricsFile {
    static final String FILE = "openset-metrics.csv";
    private static final int GRID = 200;
    private static final String[] COLUMNS = {"set", "auc", "eer", "tar_at_far1e-3", "far", "tar", "p_at_1", "r_precision",
        "map_at_r", "retrieval_queries", "lone_queries", "min_weight_angle_deg", "mean_spread_deg", "mean_pos_pair_deg",
        "mean_neg_pair_deg", "mean_norm", "norm_cv"};

    private MetricsFile() {
    }

    static boolean exists(RunFolder run) {
        return Files.exists(run.file(FILE));
    }

    static void write(RunFolder run, OpenSetBenchmark.Metrics unseen, OpenSetBenchmark.Metrics seen) {
        StringBuilder sb = new StringBuilder(String.join(",", COLUMNS)).append('\n');
        append(sb, "unseen", unseen);
        append(sb, "seen", seen);
        AtomicFiles.writeString(run.file(FILE), sb.toString());
    }

    private static void append(StringBuilder sb, String set, OpenSetBenchmark.Metrics m) {
        Retrieval r = m.retrieval();
        EmbeddingGeometry.Summary g = m.geometry();
        for (int i = 0; i <= GRID; i++) {
            double far = Math.pow(10, -5 + 5.0 * i / GRID);
            sb.append(String.format(Locale.ROOT, "%s,%.6f,%.6f,%.6f,%.6g,%.6f,%.6f,%.6f,%.6f,%d,%d,%.4f,%.4f,%.4f,%.4f,%.6g,%.6g%n", set, m.auc(),
                    m.equalErrorRate(), m.tarAtFar1e3(), far, m.roc().tarAtFar(far), r.precisionAt1(), r.rPrecision(), r.mapAtR(),
                    r.queries(), r.loneQueries(), g.minWeightAngle(), g.meanSpread(), g.meanPositivePair(), g.meanNegativePair(),
                    g.meanNorm(), g.normCv()));
        }
    }

    /** The unseen and the seen metrics, with the thinned ROC. */
    static OpenSetBenchmark.Metrics[] read(RunFolder run) {
        Path file = run.file(FILE);
        try {
            List<String> lines = Files.readAllLines(file);
            if (lines.isEmpty()) {
                throw new IllegalStateException(file + " is empty; delete it to score the run again");
            }
            List<String> header = Arrays.asList(lines.get(0).split(","));
            for (String required : Arrays.copyOf(COLUMNS, 6)) {
                if (!header.contains(required)) {
                    throw new IllegalStateException(file + " has no column " + required + "; delete it to score the run again");
                }
            }
            return new OpenSetBenchmark.Metrics[] {parse(lines, header, "unseen", file), parse(lines, header, "seen", file)};
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    private static OpenSetBenchmark.Metrics parse(List<String> lines, List<String> header, String set, Path file) {
        List<String[]> rows = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(",");
            if (f[0].equals(set)) {
                rows.add(f);
            }
        }
        if (rows.isEmpty()) {
            throw new IllegalStateException(file + " has no rows for the " + set + " pairs");
        }
        double[] far = rows.stream().mapToDouble(r -> value(r, header, "far")).toArray();
        double[] tar = rows.stream().mapToDouble(r -> value(r, header, "tar")).toArray();
        String[] first = rows.get(0);
        double auc = value(first, header, "auc");
        Verification.Roc roc = new Verification.Roc(far, tar, new double[far.length], auc);
        Retrieval retrieval = new Retrieval(value(first, header, "p_at_1"), value(first, header, "r_precision"),
                value(first, header, "map_at_r"), (int) orZero(value(first, header, "retrieval_queries")),
                (int) orZero(value(first, header, "lone_queries")));
        EmbeddingGeometry.Summary geometry = new EmbeddingGeometry.Summary(value(first, header, "min_weight_angle_deg"),
                value(first, header, "mean_spread_deg"), value(first, header, "mean_pos_pair_deg"), value(first, header, "mean_neg_pair_deg"),
                value(first, header, "mean_norm"), value(first, header, "norm_cv"));
        return new OpenSetBenchmark.Metrics(auc, value(first, header, "eer"), value(first, header, "tar_at_far1e-3"), roc, retrieval,
                geometry);
    }

    /** The named column's number, or NaN when the file has no such column. */
    private static double value(String[] row, List<String> header, String column) {
        int i = header.indexOf(column);
        return i < 0 || i >= row.length ? Double.NaN : Double.parseDouble(row[i]);
    }

    private static double orZero(double v) {
        return Double.isNaN(v) ? 0 : v;
    }
}
