package org.softmaxzoo.report;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.softmaxzoo.train.AtomicFiles;
import org.softmaxzoo.train.EpochRecord;
import org.softmaxzoo.train.Worklog;
import tech.tablesaw.api.ColumnType;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.io.csv.CsvReadOptions;

/**
 * Puts the committed worklogs of a data set's reference experiments beside the reference numbers:
 * one row per experiment (reference best accuracy and epoch, ours, epochs we ran, difference), the
 * Spearman rank correlation between the two accuracy columns and their mean absolute difference.
 */
public final class ResultsSummary {
    public static final int PROTOCOL_EPOCHS = 40;

    /**
     * The table (every reference row, ours where a worklog exists) and its two statistics over the
     * rows that finished the {@value #PROTOCOL_EPOCHS}-epoch protocol; {@code inProgress} rows have a
     * shorter worklog and are shown but not compared.
     */
    public record Summary(String dataset, Table table, int compared, int inProgress, double spearman,
                          double meanAbsoluteDifference) {
    }

    private ResultsSummary() {
    }

    public static Summary summarize(Path runsDir, String dataset) {
        StringColumn experiment = StringColumn.create("experiment");
        DoubleColumn refAcc = DoubleColumn.create("ref_best_acc");
        IntColumn refEpoch = IntColumn.create("ref_best_epoch");
        DoubleColumn ourAcc = DoubleColumn.create("our_best_acc");
        IntColumn ourEpoch = IntColumn.create("our_best_epoch");
        IntColumn epochsRun = IntColumn.create("epochs_run");
        DoubleColumn diff = DoubleColumn.create("difference");
        List<double[]> pairs = new ArrayList<>();
        int inProgress = 0;
        for (ReferenceResults.Row row : ReferenceResults.all()) {
            if (!row.dataset().equals(dataset)) {
                continue;
            }
            experiment.append(row.experiment());
            refAcc.append(row.bestAccuracy());
            refEpoch.append(row.bestEpoch());
            List<EpochRecord> log = Worklog.read(runsDir.resolve(row.experiment()).resolve(Worklog.FILE));
            if (log.isEmpty()) {
                ourAcc.appendMissing();
                ourEpoch.appendMissing();
                epochsRun.append(0);
                diff.appendMissing();
                continue;
            }
            EpochRecord last = log.get(log.size() - 1);
            ourAcc.append(last.bestAccuracy());
            ourEpoch.append(last.bestEpoch());
            epochsRun.append(last.epoch());
            diff.append(round4(last.bestAccuracy() - row.bestAccuracy()));
            if (last.epoch() >= PROTOCOL_EPOCHS) {
                pairs.add(new double[] {row.bestAccuracy(), last.bestAccuracy()});
            } else {
                inProgress++;
            }
        }
        Table table = Table.create(dataset, experiment, refAcc, refEpoch, ourAcc, ourEpoch, epochsRun, diff);
        double rho = pairs.size() >= 2 ? Spearman.correlation(pairs.stream().mapToDouble(p -> p[0]).toArray(),
                pairs.stream().mapToDouble(p -> p[1]).toArray()) : Double.NaN;
        double mad = pairs.stream().mapToDouble(p -> Math.abs(p[1] - p[0])).average().orElse(Double.NaN);
        return new Summary(dataset, table, pairs.size(), inProgress, rho, mad);
    }

    private static double round4(double v) {
        return Math.round(v * 1e4) / 1e4;
    }

    /** Writes {@code <dataset>-results.csv}, {@code .md} and the bar chart {@code <dataset>-accuracy.png}. */
    public static List<Path> write(Summary s, Path outDir) {
        Path csv = outDir.resolve(s.dataset() + "-results.csv");
        Path md = outDir.resolve(s.dataset() + "-results.md");
        AtomicFiles.write(csv, tmp -> s.table().write().csv(tmp.toString()));
        AtomicFiles.writeString(md, markdown(s));
        Path png = AccuracyChart.write(s, outDir.resolve(s.dataset() + "-accuracy.png"));
        return List.of(csv, md, png);
    }

    /** Reads a {@code <dataset>-results.csv} written by {@link #write}. */
    public static Table read(Path csv) {
        if (!Files.isRegularFile(csv)) {
            throw new IllegalArgumentException("results table not found: " + csv + " (run `summarize` first)");
        }
        ColumnType[] types = {ColumnType.STRING, ColumnType.DOUBLE, ColumnType.INTEGER, ColumnType.DOUBLE, ColumnType.INTEGER,
            ColumnType.INTEGER, ColumnType.DOUBLE};
        return Table.read().usingOptions(CsvReadOptions.builder(csv.toFile()).columnTypes(types));
    }

    static String markdown(Summary s) {
        Table t = s.table();
        StringBuilder sb = new StringBuilder();
        sb.append("# ").append(s.dataset()).append(": reference results and ours\n\n");
        sb.append(String.format(Locale.ROOT, "Runs compared (all %d epochs run): %d of %d; in progress: %d. Over the compared "
                        + "runs, Spearman rank correlation of the accuracies: %s; mean absolute difference: %s.%n%n",
                PROTOCOL_EPOCHS, s.compared(), t.rowCount(), s.inProgress(), fmt(s.spearman(), 3), fmt(s.meanAbsoluteDifference(), 4)));
        sb.append("Protocol: 2-d features, batch 64, Adam lr 1e-3, weight decay 1e-3, best test accuracy within the epochs run. ");
        sb.append("The reference ran ").append(PROTOCOL_EPOCHS).append(" epochs; rows marked * are still running (fewer epochs so far), ")
                .append("are not the ").append(PROTOCOL_EPOCHS).append("-epoch protocol and are left out of the statistics.\n\n");
        sb.append("| experiment | ref best acc | ref epoch | our best acc | our epoch | epochs run | difference |\n");
        sb.append("|---|---:|---:|---:|---:|---:|---:|\n");
        for (int i = 0; i < t.rowCount(); i++) {
            int run = t.intColumn("epochs_run").getInt(i);
            boolean has = !t.doubleColumn("our_best_acc").isMissing(i);
            sb.append("| ").append(t.stringColumn("experiment").get(i).replace(ReferenceResults.prefix(s.dataset()), "…"))
                    .append(run > 0 && run < PROTOCOL_EPOCHS ? " *" : "").append(" | ")
                    .append(fmt(t.doubleColumn("ref_best_acc").getDouble(i), 4)).append(" | ")
                    .append(t.intColumn("ref_best_epoch").getInt(i)).append(" | ")
                    .append(has ? fmt(t.doubleColumn("our_best_acc").getDouble(i), 4) : "").append(" | ")
                    .append(has ? Integer.toString(t.intColumn("our_best_epoch").getInt(i)) : "").append(" | ")
                    .append(run > 0 ? Integer.toString(run) : "").append(" | ")
                    .append(has ? String.format(Locale.ROOT, "%+.4f", t.doubleColumn("difference").getDouble(i)) : "")
                    .append(" |\n");
        }
        return sb.toString();
    }

    private static String fmt(double v, int decimals) {
        return Double.isNaN(v) ? "n/a" : String.format(Locale.ROOT, "%." + decimals + "f", v);
    }
}
