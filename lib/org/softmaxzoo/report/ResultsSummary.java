package org.softmaxzoo.report;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;
import org.softmaxzoo.train.AtomicFiles;
import org.softmaxzoo.train.EpochRecord;
import org.softmaxzoo.train.RunFolder;
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
 *
 * <p>Two comparisons: the {@value #PROTOCOL_EPOCHS}-epoch protocol (rows that ran all of it), and the
 * grid's first stage: every row's best within its first {@value #STAGE_EPOCHS} epochs, which this
 * machine can afford for the whole table first (the grid runs every row to {@value #STAGE_EPOCHS}
 * epochs, then continues them; with a constant learning rate the first epochs of a 40-epoch run are
 * exactly a shorter run).
 */
public final class ResultsSummary {
    public static final int PROTOCOL_EPOCHS = 40;
    public static final int STAGE_EPOCHS = 10;

    /** Which of our accuracy columns a comparison reads, and how many epochs a row needs to take part. */
    public enum Basis {
        PROTOCOL("our_best_acc", PROTOCOL_EPOCHS, "all " + PROTOCOL_EPOCHS + " epochs"),
        FIRST_STAGE("our_best_acc_first" + STAGE_EPOCHS, STAGE_EPOCHS, "best within our first " + STAGE_EPOCHS + " epochs");

        public final String column;
        public final int minEpochs;
        public final String label;

        Basis(String column, int minEpochs, String label) {
            this.column = column;
            this.minEpochs = minEpochs;
            this.label = label;
        }
    }

    /** Rows that took part in a comparison, and its two statistics over them. */
    public record Comparison(Basis basis, int rows, double spearman, double meanAbsoluteDifference) {
    }

    /**
     * The table (every reference row, ours where a worklog exists) and its two comparisons;
     * {@code inProgress} rows have fewer than {@value #PROTOCOL_EPOCHS} epochs so far; {@code unreadable} says, per
     * worklog that could not be read, which file and what is wrong (those rows count as not run, the others go on).
     */
    public record Summary(String dataset, Table table, int inProgress, Comparison protocol, Comparison firstStage,
                          List<String> unreadable) {
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
        DoubleColumn firstStage = DoubleColumn.create(Basis.FIRST_STAGE.column);
        int inProgress = 0;
        SameData sameData = new SameData(runsDir.toString());
        List<String> unreadable = new java.util.ArrayList<>();
        for (ReferenceResults.Row row : ReferenceResults.of(dataset)) {
            experiment.append(row.experiment());
            refAcc.append(row.bestAccuracy());
            refEpoch.append(row.bestEpoch());
            List<EpochRecord> log = RunFolder.at(runsDir.resolve(row.experiment())).worklogOrEmpty(unreadable::add);
            if (log.isEmpty()) {
                ourAcc.appendMissing();
                ourEpoch.appendMissing();
                epochsRun.append(0);
                diff.appendMissing();
                firstStage.appendMissing();
                continue;
            }
            sameData.add(dataset, runsDir.resolve(row.experiment()));
            EpochRecord last = log.get(log.size() - 1);
            ourAcc.append(last.bestAccuracy());
            ourEpoch.append(last.bestEpoch());
            epochsRun.append(last.epoch());
            diff.append(round4(last.bestAccuracy() - row.bestAccuracy()));
            OptionalDouble early = log.stream().filter(r -> r.epoch() <= STAGE_EPOCHS).mapToDouble(EpochRecord::testAccuracy).max();
            if (last.epoch() >= STAGE_EPOCHS && early.isPresent()) {
                firstStage.append(early.getAsDouble());
            } else {
                firstStage.appendMissing();
            }
            if (last.epoch() < PROTOCOL_EPOCHS) {
                inProgress++;
            }
        }
        sameData.check();
        Table table = Table.create(dataset, experiment, refAcc, refEpoch, ourAcc, ourEpoch, epochsRun, diff, firstStage);
        return new Summary(dataset, table, inProgress, compare(table, Basis.PROTOCOL), compare(table, Basis.FIRST_STAGE),
                List.copyOf(unreadable));
    }

    /** Spearman and mean absolute difference between the reference and our column of a basis, over the rows it admits. */
    static Comparison compare(Table t, Basis basis) {
        List<double[]> pairs = new ArrayList<>();
        for (int i = 0; i < t.rowCount(); i++) {
            if (t.intColumn("epochs_run").getInt(i) >= basis.minEpochs && !t.doubleColumn(basis.column).isMissing(i)) {
                pairs.add(new double[] {t.doubleColumn("ref_best_acc").getDouble(i), t.doubleColumn(basis.column).getDouble(i)});
            }
        }
        double rho = pairs.size() >= 2 ? Spearman.correlation(pairs.stream().mapToDouble(p -> p[0]).toArray(),
                pairs.stream().mapToDouble(p -> p[1]).toArray()) : Double.NaN;
        double mad = pairs.stream().mapToDouble(p -> Math.abs(p[1] - p[0])).average().orElse(Double.NaN);
        return new Comparison(basis, pairs.size(), rho, mad);
    }

    private static double round4(double v) {
        return Math.round(v * 1e4) / 1e4;
    }

    /** Writes {@code <dataset>-results.csv} and {@code .md} to the tables folder, the bar chart {@code <dataset>-accuracy.png} to the figures folder. */
    public static List<Path> write(Summary s, Path outDir, Path figuresDir) {
        Path csv = outDir.resolve(s.dataset() + "-results.csv");
        Path md = outDir.resolve(s.dataset() + "-results.md");
        AtomicFiles.write(csv, tmp -> s.table().write().csv(tmp.toString()));
        AtomicFiles.writeString(md, markdown(s));
        Path png = AccuracyChart.write(s, figuresDir.resolve(s.dataset() + "-accuracy.png"));
        return List.of(csv, md, png);
    }

    /** Reads a {@code <dataset>-results.csv} written by {@link #write}. */
    public static Table read(Path csv) {
        if (!Files.isRegularFile(csv)) {
            throw new IllegalArgumentException("results table not found: " + csv + " (run `summarize` first)");
        }
        ColumnType[] types = {ColumnType.STRING, ColumnType.DOUBLE, ColumnType.INTEGER, ColumnType.DOUBLE, ColumnType.INTEGER,
            ColumnType.INTEGER, ColumnType.DOUBLE, ColumnType.DOUBLE};
        return Table.read().usingOptions(CsvReadOptions.builder(csv.toFile()).columnTypes(types));
    }

    static String markdown(Summary s) {
        Table t = s.table();
        StringBuilder sb = new StringBuilder();
        sb.append("# ").append(s.dataset()).append(": reference results and ours\n\n");
        sb.append("Protocol: 2-d features, batch 64, Adam lr 1e-3, weight decay 1e-3, best test accuracy within the epochs run. ");
        sb.append("The reference ran ").append(PROTOCOL_EPOCHS).append(" epochs; rows marked * are still running (fewer epochs so far) ")
                .append("and are not the ").append(PROTOCOL_EPOCHS).append("-epoch protocol.\n\n");
        for (Comparison c : List.of(s.protocol(), s.firstStage())) {
            sb.append(String.format(Locale.ROOT, "- Reference (%d epochs) against ours, %s: %d of %d rows; Spearman rank correlation %s, "
                    + "mean absolute difference %s.%n", PROTOCOL_EPOCHS, c.basis().label, c.rows(), t.rowCount(), fmt(c.spearman(), 3),
                    fmt(c.meanAbsoluteDifference(), 4)));
        }
        sb.append("\nThe second line is the grid's first stage: every row trained ").append(STAGE_EPOCHS)
                .append(" epochs before any continues to ").append(PROTOCOL_EPOCHS).append(" (column \"first ").append(STAGE_EPOCHS)
                .append("\"); it is a shorter run, not the protocol, and gaps there include the missing epochs.\n\n");
        sb.append("| experiment | ref best acc | ref epoch | our best acc | our epoch | epochs run | difference | ours, first ")
                .append(STAGE_EPOCHS).append(" |\n");
        sb.append("|---|---:|---:|---:|---:|---:|---:|---:|\n");
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
                    .append(has ? String.format(Locale.ROOT, "%+.4f", t.doubleColumn("difference").getDouble(i)) : "").append(" | ")
                    .append(t.doubleColumn(Basis.FIRST_STAGE.column).isMissing(i) ? ""
                            : fmt(t.doubleColumn(Basis.FIRST_STAGE.column).getDouble(i), 4))
                    .append(" |\n");
        }
        return sb.toString();
    }

    private static String fmt(double v, int decimals) {
        return Double.isNaN(v) ? "n/a" : String.format(Locale.ROOT, "%." + decimals + "f", v);
    }
}
