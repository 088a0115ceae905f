package org.softmaxzoo.report;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.softmaxzoo.eval.EmbeddingGeometry;
import org.softmaxzoo.eval.OpenSetBenchmark;
import org.softmaxzoo.plot.GeometryFigure;
import org.softmaxzoo.plot.Figures;
import org.softmaxzoo.train.AtomicFiles;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/** The open-set verification table (Markdown and CSV) and ROC figures of unseen-class pairs. */
public final class OpenSetReport {
    private OpenSetReport() {
    }

    /** A numeric column of the table: its CSV name, its Markdown heading and how it is read from a result. */
    private record NumberColumn(String csv, String heading, ToDoubleFunction<OpenSetBenchmark.Result> value) {
    }

    private static final List<NumberColumn> NUMBERS = numberColumns();

    private static List<NumberColumn> numberColumns() {
        List<NumberColumn> c = new ArrayList<>();
        c.add(new NumberColumn("seen_test_acc", "seen test acc", r -> r.run().last().testAccuracy()));
        for (String set : List.of("unseen", "seen")) {
            Function<OpenSetBenchmark.Result, OpenSetBenchmark.Metrics> m = set.equals("unseen") ? OpenSetBenchmark.Result::unseen
                    : OpenSetBenchmark.Result::seen;
            c.add(new NumberColumn(set + "_auc", set + " AUC", r -> m.apply(r).auc()));
            c.add(new NumberColumn(set + "_eer", set + " EER", r -> m.apply(r).equalErrorRate()));
            c.add(new NumberColumn(set + "_tar_far1e-3", set + " TAR@1e-3", r -> m.apply(r).tarAtFar1e3()));
            c.add(new NumberColumn(set + "_p_at_1", set + " P@1", r -> m.apply(r).retrieval().precisionAt1()));
            c.add(new NumberColumn(set + "_r_precision", set + " R-prec", r -> m.apply(r).retrieval().rPrecision()));
            c.add(new NumberColumn(set + "_map_at_r", set + " MAP@R", r -> m.apply(r).retrieval().mapAtR()));
        }
        c.add(new NumberColumn("min_weight_angle_deg", "min angle W_i W_j (deg)", r -> r.seen().geometry().minWeightAngle()));
        for (String set : List.of("seen", "unseen")) {
            Function<OpenSetBenchmark.Result, OpenSetBenchmark.Metrics> m = set.equals("unseen") ? OpenSetBenchmark.Result::unseen
                    : OpenSetBenchmark.Result::seen;
            c.add(new NumberColumn(set + "_spread_deg", set + " spread (deg)", r -> m.apply(r).geometry().meanSpread()));
            c.add(new NumberColumn(set + "_pos_pair_deg", set + " pos. pair (deg)", r -> m.apply(r).geometry().meanPositivePair()));
            c.add(new NumberColumn(set + "_neg_pair_deg", set + " neg. pair (deg)", r -> m.apply(r).geometry().meanNegativePair()));
        }
        return List.copyOf(c);
    }

    /** One row per result; a number the run's metrics file does not have (written before it was measured) is missing. */
    public static Table table(List<OpenSetBenchmark.Result> results) {
        StringColumn dataset = StringColumn.create("dataset");
        StringColumn head = StringColumn.create("head");
        IntColumn dim = IntColumn.create("feature_dim");
        IntColumn epochs = IntColumn.create("epochs");
        List<DoubleColumn> numbers = NUMBERS.stream().map(c -> DoubleColumn.create(c.csv())).toList();
        for (OpenSetBenchmark.Result r : results) {
            dataset.append(r.config().dataset().experimentName());
            head.append(r.config().head());
            dim.append(r.config().featureDim());
            epochs.append(r.run().last().epoch());
            for (int k = 0; k < NUMBERS.size(); k++) {
                double v = NUMBERS.get(k).value().applyAsDouble(r);
                if (Double.isNaN(v)) {
                    numbers.get(k).appendMissing();
                } else {
                    numbers.get(k).append(round(v));
                }
            }
        }
        Table t = Table.create("open-set verification", dataset, head, dim, epochs);
        numbers.forEach(t::addColumns);
        return t;
    }

    private static double round(double v) {
        return Math.round(v * 1e4) / 1e4;
    }

    public static List<Path> write(List<OpenSetBenchmark.Result> results, Path outDir, Path figuresDir, String name) {
        Table t = table(results);
        Path csv = outDir.resolve(name + ".csv");
        Path md = outDir.resolve(name + ".md");
        AtomicFiles.write(csv, tmp -> t.write().csv(tmp.toString()));
        StringBuilder sb = new StringBuilder("# Open-set verification\n\n")
                .append("Trained on classes 0-7; pairs of test images scored by the cosine of their features. ")
                .append("Unseen: pairs among classes 8 and 9, never seen in training; seen: pairs among classes 0-7. ")
                .append("AUC: area under the ROC curve; EER: equal error rate; TAR@FAR=1e-3: true-accept rate at 0.1% false accepts. ")
                .append("Retrieval (as pytorch-metric-learning's AccuracyCalculator; each test image queries all others of its set by cosine): ")
                .append("P@1: precision at 1; R-prec: R-precision; MAP@R: mean average precision at R, R the number of other images of the query's class. ")
                .append("Geometry: the smallest angle between two class weights; spread: mean angle of a feature to its class's mean direction; ")
                .append("pos./neg. pair: mean angle between two features of the same / of different classes. ")
                .append("'missing': not in the run's metrics file (scored before it was measured).\n\n")
                .append("| data set | head | d | epochs | ")
                .append(String.join(" | ", NUMBERS.stream().map(NumberColumn::heading).toList())).append(" |\n")
                .append("|---|---|---:|---:|").append("---:|".repeat(NUMBERS.size())).append('\n');
        for (int i = 0; i < t.rowCount(); i++) {
            sb.append("| ");
            for (int c = 0; c < t.columnCount(); c++) {
                sb.append(cell(t.column(c), i)).append(" | ");
            }
            sb.setLength(sb.length() - 1);
            sb.append('\n');
        }
        AtomicFiles.writeString(md, sb.toString());
        List<Path> written = new ArrayList<>(List.of(csv, md));
        for (OpenSetBenchmark.Result r : results) {
            if (r.geometry() != null) {
                written.add(geometryFigure(r, figuresDir, name));
            }
        }
        results.stream().map(r -> r.config().dataset().experimentName() + "-d" + r.config().featureDim()).distinct().forEach(key -> {
            List<OpenSetBenchmark.Result> group = results.stream()
                    .filter(r -> (r.config().dataset().experimentName() + "-d" + r.config().featureDim()).equals(key)).toList();
            written.add(Figures.writePng(Figures.image(rocChart(group, key)), figuresDir.resolve(name + "-roc-" + key + ".png")));
        });
        return written;
    }

    private static String cell(Column<?> column, int row) {
        if (column.isMissing(row)) {
            return "missing";
        }
        Object v = column.get(row);
        return v instanceof Double d ? String.format(Locale.ROOT, "%.4f", d) : String.valueOf(v);
    }

    /** The geometry figure of a freshly scored run: {@code <name>-geometry-<run>.png}, seen and unseen test classes. */
    static Path geometryFigure(OpenSetBenchmark.Result r, Path figuresDir, String name) {
        Map<String, EmbeddingGeometry> sets = new LinkedHashMap<>();
        sets.put("seen classes", r.geometry().seen());
        sets.put("unseen classes", r.geometry().unseen());
        String run = String.format(Locale.ROOT, "Geometry of %s, head %s, d = %d, %d epochs on classes 0-7 (test images)",
                r.config().dataset().experimentName(), r.config().head(), r.config().featureDim(), r.run().last().epoch());
        return Figures.writePng(GeometryFigure.render(run, sets), figuresDir.resolve(name + "-geometry-" + r.config().name() + ".png"));
    }

    /** ROC curves on unseen-class pairs, false-accept rate on a log axis. */
    static XYChart rocChart(List<OpenSetBenchmark.Result> group, String key) {
        OpenSetBenchmark.Result first = group.get(0);
        XYChart chart = new XYChartBuilder().width(800).height(600)
                .title("Open-set ROC, unseen classes 8-9: " + key + ", " + first.run().last().epoch() + " epochs on classes 0-7")
                .xAxisTitle("false accept rate (log scale)").yAxisTitle("true accept rate").build();
        chart.getStyler().setXAxisLogarithmic(true);
        // Top left: every curve starts low at small false-accept rates, so the legend hides none.
        chart.getStyler().setLegendPosition(Styler.LegendPosition.InsideNW);
        chart.getStyler().setXAxisMin(1e-4);
        chart.getStyler().setYAxisMin(0.0);
        chart.getStyler().setYAxisMax(1.0);
        for (OpenSetBenchmark.Result r : group) {
            double[] far = r.unseen().roc().far();
            double[] tar = r.unseen().roc().tar();
            List<Double> xs = new ArrayList<>();
            List<Double> ys = new ArrayList<>();
            for (int i = 0; i < far.length; i++) {
                if (far[i] >= 1e-4) {
                    xs.add(far[i]);
                    ys.add(tar[i]);
                }
            }
            if (xs.isEmpty()) {
                continue;
            }
            XYSeries s = chart.addSeries(String.format(Locale.ROOT, "%s (AUC %.3f)", r.config().head(), r.unseen().auc()), xs, ys);
            s.setMarker(SeriesMarkers.NONE);
            s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
        }
        return chart;
    }
}
