package org.softmaxzoo.report;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.softmaxzoo.eval.OpenSetBenchmark;
import org.softmaxzoo.plot.Figures;
import org.softmaxzoo.train.AtomicFiles;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/** The open-set verification table (Markdown and CSV) and ROC figures of unseen-class pairs. */
public final class OpenSetReport {
    private OpenSetReport() {
    }

    public static Table table(List<OpenSetBenchmark.Result> results) {
        StringColumn dataset = StringColumn.create("dataset");
        StringColumn head = StringColumn.create("head");
        IntColumn dim = IntColumn.create("feature_dim");
        IntColumn epochs = IntColumn.create("epochs");
        DoubleColumn closedAcc = DoubleColumn.create("seen_test_acc");
        DoubleColumn[] m = {DoubleColumn.create("unseen_auc"), DoubleColumn.create("unseen_eer"), DoubleColumn.create("unseen_tar_far1e-3"),
            DoubleColumn.create("seen_auc"), DoubleColumn.create("seen_eer"), DoubleColumn.create("seen_tar_far1e-3")};
        for (OpenSetBenchmark.Result r : results) {
            dataset.append(r.config().dataset().experimentName());
            head.append(r.config().head());
            dim.append(r.config().featureDim());
            epochs.append(r.run().last().epoch());
            closedAcc.append(r.run().last().testAccuracy());
            OpenSetBenchmark.Metrics[] both = {r.unseen(), r.seen()};
            for (int k = 0; k < 2; k++) {
                m[3 * k].append(round(both[k].auc()));
                m[3 * k + 1].append(round(both[k].equalErrorRate()));
                m[3 * k + 2].append(round(both[k].tarAtFar1e3()));
            }
        }
        Table t = Table.create("open-set verification", dataset, head, dim, epochs, closedAcc);
        t.addColumns(m);
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
                .append("AUC: area under the ROC curve; EER: equal error rate; TAR@FAR=1e-3: true-accept rate at 0.1% false accepts.\n\n")
                .append("| data set | head | d | epochs | seen test acc | unseen AUC | unseen EER | unseen TAR@1e-3 | seen AUC | seen EER | seen TAR@1e-3 |\n")
                .append("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        for (int i = 0; i < t.rowCount(); i++) {
            sb.append("| ");
            for (int c = 0; c < t.columnCount(); c++) {
                Object v = t.column(c).get(i);
                sb.append(v instanceof Double d ? String.format(Locale.ROOT, "%.4f", d) : String.valueOf(v)).append(" | ");
            }
            sb.setLength(sb.length() - 1);
            sb.append('\n');
        }
        AtomicFiles.writeString(md, sb.toString());
        List<Path> written = new ArrayList<>(List.of(csv, md));
        results.stream().map(r -> r.config().dataset().experimentName() + "-d" + r.config().featureDim()).distinct().forEach(key -> {
            List<OpenSetBenchmark.Result> group = results.stream()
                    .filter(r -> (r.config().dataset().experimentName() + "-d" + r.config().featureDim()).equals(key)).toList();
            written.add(Figures.writePng(Figures.image(rocChart(group, key)), figuresDir.resolve(name + "-roc-" + key + ".png")));
        });
        return written;
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
