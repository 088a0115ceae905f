package org.softmaxzoo.report;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.style.CategoryStyler;
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
        List<Double> firstStage = new ArrayList<>();
        for (int i = 0; i < t.rowCount(); i++) {
            names.add(ReferenceResults.shortName(t.stringColumn("experiment").get(i), s.dataset()));
            ref.add(t.doubleColumn("ref_best_acc").getDouble(i));
            ours.add(valueOrZero(t, "our_best_acc", i));
            firstStage.add(valueOrZero(t, ResultsSummary.Basis.FIRST_STAGE.column, i));
        }
        boolean anyMissing = t.doubleColumn("our_best_acc").countMissing() > 0;
        // The labels say what the bars are: finished runs, or runs still short of 40 epochs (the table says which).
        CategoryChart chart = new CategoryChartBuilder().width(1400).height(700)
                .title(s.dataset() + ": best test accuracy, reference (40 epochs) vs ours (2-d features, seed 1"
                        + (anyMissing ? "; a row at 0 has no run yet)" : ")"))
                .xAxisTitle("experiment").yAxisTitle("best test accuracy").build();
        CategoryStyler st = chart.getStyler();
        st.setXAxisLabelRotation(60);
        // Below the plot: inside it would hide the tallest bars.
        st.setLegendPosition(Styler.LegendPosition.OutsideS);
        st.setLegendLayout(Styler.LegendLayout.Horizontal);
        double min = ref.stream().mapToDouble(Double::doubleValue).min().orElse(0);
        st.setYAxisMin(Math.max(0, Math.floor(min * 10) / 10 - 0.1));
        st.setYAxisMax(1.0);
        chart.addSeries("reference", names, ref);
        chart.addSeries(s.inProgress() == 0 && !anyMissing ? "ours, " + ResultsSummary.PROTOCOL_EPOCHS + " epochs"
                : "ours, " + s.inProgress() + " row(s) still short of " + ResultsSummary.PROTOCOL_EPOCHS + " epochs (see table)", names, ours);
        chart.addSeries("ours, best within the first " + ResultsSummary.STAGE_EPOCHS + " epochs", names, firstStage);
        return Figures.writePng(Figures.image(chart), file);
    }

    private static double valueOrZero(Table t, String column, int row) {
        return t.doubleColumn(column).isMissing(row) ? 0.0 : t.doubleColumn(column).getDouble(row);
    }
}
