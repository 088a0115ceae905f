package org.softmaxzoo.report;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.style.Styler;
import org.softmaxzoo.plot.Figures;
import tech.tablesaw.api.Table;

/** Bar chart of reference and reproduced best accuracy per experiment. */
final class AccuracyChart {
    private AccuracyChart() {
    }

    static Path write(ResultsSummary.Summary s, Path file) {
        Table t = s.table();
        List<String> names = new ArrayList<>();
        List<Double> ref = new ArrayList<>();
        List<Double> ours = new ArrayList<>();
        for (int i = 0; i < t.rowCount(); i++) {
            names.add(ReferenceResults.shortName(t.stringColumn("experiment").get(i), s.dataset()));
            ref.add(t.doubleColumn("ref_best_acc").getDouble(i));
            ours.add(t.doubleColumn("our_best_acc").isMissing(i) ? 0.0 : t.doubleColumn("our_best_acc").getDouble(i));
        }
        CategoryChart chart = new CategoryChartBuilder().width(1400).height(650)
                .title(s.dataset() + ": best test accuracy, reference vs ours (2-d features; 0 = not run yet)")
                .xAxisTitle("experiment").yAxisTitle("best test accuracy").build();
        Styler st = chart.getStyler();
        chart.getStyler().setXAxisLabelRotation(60);
        st.setLegendPosition(Styler.LegendPosition.InsideNW);
        double min = ref.stream().mapToDouble(Double::doubleValue).min().orElse(0);
        chart.getStyler().setYAxisMin(Math.max(0, Math.floor(min * 10) / 10 - 0.1));
        chart.getStyler().setYAxisMax(1.0);
        chart.addSeries("reference", names, ref);
        chart.addSeries("ours", names, ours);
        return Figures.writePng(Figures.image(chart), file);
    }
}
