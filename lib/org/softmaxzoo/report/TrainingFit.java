package org.softmaxzoo.report;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.softmaxzoo.train.AtomicFiles;
import org.softmaxzoo.train.EpochRecord;
import org.softmaxzoo.train.RunFolder;

/**
 * Whether our gaps to the reference follow how well each network fits its training set: for every reference row
 * whose seed-1 run has the {@value ResultsSummary#PROTOCOL_EPOCHS} epochs, our training accuracy in the last epoch
 * minus the reference's (from its published log) against our best test accuracy minus the reference's, with their
 * Pearson correlation, least-squares line and mean absolute residual. When the line leaves little, the gaps are
 * the networks' fit under each head, not the heads' code. A run whose training accuracy in its last epoch is below
 * {@value #DID_NOT_TRAIN_BELOW} did not train (ten classes: every other run of the reference's and of our seed-1 grid
 * ends above 0.76) and is left out, as are rows whose reference log is missing.
 */
public final class TrainingFit {
    public static final double DID_NOT_TRAIN_BELOW = 0.7;
    public static final String FILE_SUFFIX = "-training-fit.md";

    /** One row: training accuracy in the last epoch and best test accuracy, the reference's and ours. */
    public record Point(String experiment, double referenceTrain, double ourTrain, double referenceTest, double ourTest) {
        public double trainGap() {
            return ourTrain - referenceTrain;
        }

        public double testGap() {
            return ourTest - referenceTest;
        }

        boolean trained() {
            return referenceTrain >= DID_NOT_TRAIN_BELOW && ourTrain >= DID_NOT_TRAIN_BELOW;
        }
    }

    /**
     * The line test gap = slope x training gap + intercept through {@code points}; NaN statistics below 3 points or
     * when every training gap is the same (no line), and a NaN correlation when every test gap is.
     */
    public record Fit(List<Point> points, double correlation, double slope, double intercept, double meanAbsoluteResidual) {
        /** The test gap the line gives for a training gap (accuracy differences, not points). */
        public double predictedTestGap(double trainGap) {
            return slope * trainGap + intercept;
        }

        public double residual(Point p) {
            return p.testGap() - predictedTestGap(p.trainGap());
        }

        /**
         * The row's residual from the line fitted to the other rows: what the training fit leaves of its test gap when
         * the row itself cannot pull the line (a row far out on the training axis would); NaN below 4 rows.
         */
        public double leaveOneOutResidual(Point p) {
            List<Point> others = points.stream().filter(q -> !q.equals(p)).toList();
            if (others.size() != points.size() - 1) {
                throw new IllegalArgumentException("not one of the fitted rows: " + p.experiment());
            }
            return fit(others).residual(p);
        }

        /** "test gap = a x training gap + b" in points, with the correlation; "no line" without one. */
        public String equation() {
            if (Double.isNaN(slope)) {
                return "no line";
            }
            double b = 100 * intercept;
            return String.format(Locale.ROOT, "test gap = %.2f x training gap %s %.2f points (r = %s)", slope, b < -0.005 ? "-" : "+",
                    Math.abs(b), Double.isNaN(correlation) ? "-" : String.format(Locale.ROOT, "%.2f", correlation));
        }

        public double meanAbsoluteTestGap() {
            return points.stream().mapToDouble(p -> Math.abs(p.testGap())).average().orElse(Double.NaN);
        }
    }

    /** A data set's rows: those fitted, those left out (did not train), and the rows without a reference log. */
    public record Report(String dataset, Fit fit, List<Point> didNotTrain, List<String> withoutReferenceLog) {
    }

    private TrainingFit() {
    }

    /** Least squares of the test gaps on the training gaps. */
    public static Fit fit(List<Point> points) {
        int n = points.size();
        Fit none = new Fit(List.copyOf(points), Double.NaN, Double.NaN, Double.NaN, Double.NaN);
        if (n < 3) {
            return none;
        }
        double mx = points.stream().mapToDouble(Point::trainGap).average().orElseThrow();
        double my = points.stream().mapToDouble(Point::testGap).average().orElseThrow();
        double sxy = 0;
        double sxx = 0;
        double syy = 0;
        for (Point p : points) {
            double dx = p.trainGap() - mx;
            double dy = p.testGap() - my;
            sxy += dx * dy;
            sxx += dx * dx;
            syy += dy * dy;
        }
        if (sxx == 0) {
            return none;
        }
        double slope = sxy / sxx;
        Fit line = new Fit(List.copyOf(points), sxy / Math.sqrt(sxx * syy), slope, my - slope * mx, Double.NaN);
        double residual = points.stream().mapToDouble(p -> Math.abs(line.residual(p))).average().orElseThrow();
        return new Fit(line.points(), line.correlation(), line.slope(), line.intercept(), residual);
    }

    /** The seed-1 rows of {@code dataset} in {@code runsDir} that ran all the protocol's epochs. */
    public static Report of(Path runsDir, String dataset) {
        List<Point> trained = new ArrayList<>();
        List<Point> didNotTrain = new ArrayList<>();
        List<String> withoutLog = new ArrayList<>();
        SameData sameData = new SameData(runsDir.toString());
        for (ReferenceResults.Row ref : ReferenceResults.of(dataset)) {
            Path dir = runsDir.resolve(ref.experiment());
            // an unreadable worklog is left out here; summarize reports it with the results table
            List<EpochRecord> log = RunFolder.at(dir).worklogOrEmpty(reason -> { });
            Optional<EpochRecord> last = log.stream().filter(e -> e.epoch() == ResultsSummary.PROTOCOL_EPOCHS).findFirst();
            if (last.isEmpty()) {
                continue;
            }
            if (Double.isNaN(ref.trainAccuracyLast())) {
                withoutLog.add(ref.experiment());
                continue;
            }
            sameData.add(dataset, dir);
            Point p = new Point(ref.experiment(), ref.trainAccuracyLast(), last.get().trainAccuracy(), ref.bestAccuracy(),
                    last.get().bestAccuracy());
            (p.trained() ? trained : didNotTrain).add(p);
        }
        sameData.check();
        return new Report(dataset, fit(trained), didNotTrain, withoutLog);
    }

    /** Writes {@code <dataset>-training-fit.md}. */
    public static Path write(Path runsDir, String dataset, Path outDir) {
        Path md = outDir.resolve(dataset + FILE_SUFFIX);
        AtomicFiles.writeString(md, markdown(of(runsDir, dataset)));
        return md;
    }

    /** The fit in two lines (Markdown list items), or why there is none yet. */
    public static String summary(Report r) {
        Fit f = r.fit();
        if (Double.isNaN(f.slope())) {
            return "No line yet (" + f.points().size() + " rows; it needs 3 with different training gaps).\n";
        }
        return String.format(Locale.ROOT, "- %d rows; correlation of the test gap with the training gap %.3f.\n", f.points().size(), f.correlation())
                + String.format(Locale.ROOT, "- Least-squares line: %s; it leaves a mean absolute residual of %.2f points, against a mean "
                + "absolute test gap of %.2f.\n", f.equation(), 100 * f.meanAbsoluteResidual(), 100 * f.meanAbsoluteTestGap());
    }

    private static String points(double accuracyDifference) {
        return Double.isNaN(accuracyDifference) ? "-" : String.format(Locale.ROOT, "%+.2f", 100 * accuracyDifference);
    }

    static String markdown(Report r) {
        Fit f = r.fit();
        StringBuilder sb = new StringBuilder();
        sb.append("# ").append(r.dataset()).append(": do the gaps to the reference follow the training fit?\n\n");
        sb.append("Every reference row whose seed-1 run has all ").append(ResultsSummary.PROTOCOL_EPOCHS).append(" epochs: training accuracy in ")
                .append("the last epoch, ours and the reference's (from its published training log), and best test accuracy, ours and ")
                .append("the reference's. If the test gap follows the training gap, the gaps are how well each network fits the training set ")
                .append("under each head, not the heads' code. Left out: a run whose training accuracy in its last epoch is below ")
                .append(DID_NOT_TRAIN_BELOW).append(" (it did not train) and rows without the reference's log. Gaps in points (ours minus the ")
                .append("reference's); the last column is the row's residual from the line through the other rows. Generated by `summarize`.\n\n");
        sb.append(summary(r)).append("\n");
        sb.append("| experiment | reference train | our train | train gap | reference test | our test | test gap | residual | residual, line "
                + "without the row |\n");
        sb.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        for (Point p : f.points()) {
            sb.append(String.format(Locale.ROOT, "| %s | %.4f | %.4f | %+.2f | %.4f | %.4f | %+.2f | %s | %s |\n",
                    ReferenceResults.shortName(p.experiment(), r.dataset()), p.referenceTrain(), p.ourTrain(), 100 * p.trainGap(),
                    p.referenceTest(), p.ourTest(), 100 * p.testGap(), points(f.residual(p)), points(f.leaveOneOutResidual(p))));
        }
        for (Point p : r.didNotTrain()) {
            sb.append(String.format(Locale.ROOT, "\nLeft out, did not train: %s (training accuracy in the last epoch: reference %.4f, "
                    + "ours %.4f; best test: reference %.4f, ours %.4f).\n", ReferenceResults.shortName(p.experiment(), r.dataset()),
                    p.referenceTrain(), p.ourTrain(), p.referenceTest(), p.ourTest()));
        }
        for (String e : r.withoutReferenceLog()) {
            sb.append("\nLeft out, no reference log: ").append(ReferenceResults.shortName(e, r.dataset())).append(".\n");
        }
        return sb.toString();
    }
}
