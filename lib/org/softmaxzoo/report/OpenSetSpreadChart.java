package org.softmaxzoo.report;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.TreeSet;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.style.CategoryStyler;
import org.knowm.xchart.style.Styler;
import org.softmaxzoo.eval.OpenSetBenchmark;
import org.softmaxzoo.plot.Figures;
import org.softmaxzoo.plot.Palette;

/**
 * The open-set tables' headline as a picture: unseen-pair AUC per head, one bar per data set and dimension, mean
 * over the seeds with the standard deviation as an error bar. The axis starts at chance (AUC 0.5), so a bar's
 * length is what the head gains over guessing.
 */
public final class OpenSetSpreadChart {
    private OpenSetSpreadChart() {
    }

    /** The chart of {@code cells} on {@link OpenSetReport#RANK_BY}, titled {@code label}: heads in the at-a-glance order, one series per group. */
    static CategoryChart chart(List<OpenSetCells.Cell> cells, String label) {
        OpenSetCells.Metric m = OpenSetReport.RANK_BY;
        List<String> groups = cells.stream().map(OpenSetCells.Cell::group).distinct().toList();
        List<String> heads = OpenSetReport.headsByMeanRank(cells, groups);
        CategoryChart chart = new CategoryChartBuilder().width(1500).height(1000).title(title(cells, label))
                .xAxisTitle("head").yAxisTitle(m.heading() + " (0.5 = chance): mean ± std over seeds (no whisker: one seed)").build();
        CategoryStyler st = chart.getStyler();
        st.setXAxisLabelRotation(45);
        st.setLegendPosition(Styler.LegendPosition.OutsideS);
        st.setLegendLayout(Styler.LegendLayout.Horizontal);
        st.setErrorBarsColor(Color.BLACK);
        double axisMin = axisMin(cells, m);
        for (int g = 0; g < groups.size(); g++) {
            String group = groups.get(g);
            List<Double> means = new ArrayList<>();
            List<Double> stds = new ArrayList<>();
            for (String head : heads) {
                Sample s = OpenSetReport.cellOf(cells, group, head).map(c -> c.sample(m)).orElse(new Sample(List.of()));
                // A head without this setting gets a bar of height 0 at the axis' foot. Not null or a value below the
                // axis: XChart skips those without taking their error value, so every later whisker would shift.
                means.add(s.n() == 0 ? axisMin : s.mean());
                stds.add(s.n() < 2 ? 0.0 : s.std());
            }
            chart.addSeries(group, heads, means, stds).setFillColor(Palette.classColor(g));
        }
        st.setYAxisMin(axisMin);
        st.setYAxisMax(1.0);
        return chart;
    }

    /** Chance (0.5), or the 0.05 step below the lowest mean minus its standard deviation when a head falls under chance. */
    private static double axisMin(List<OpenSetCells.Cell> cells, OpenSetCells.Metric m) {
        double lowest = 0.5;
        for (OpenSetCells.Cell c : cells) {
            Sample s = c.sample(m);
            if (s.n() > 0) {
                lowest = Math.min(lowest, s.mean() - (s.n() < 2 ? 0 : s.std()));
            }
        }
        return Math.floor(lowest * 20) / 20;
    }

    /** What the figure shows and which runs made it: the data sets, the network, the epochs and the seeds. */
    static String title(List<OpenSetCells.Cell> cells, String label) {
        TreeSet<Long> seeds = new TreeSet<>();
        TreeSet<Integer> epochs = new TreeSet<>();
        cells.forEach(c -> {
            seeds.addAll(c.seeds());
            epochs.add(c.epochs());
        });
        String network = cells.isEmpty() ? "" : cells.get(0).runs().get(0).config().network();
        return String.format(Locale.ROOT, "%s: unseen-class (8, 9) pair AUC per head, trained on classes 0-7; %s CNN, %s epochs, %s %s",
                label, network, join(epochs), seeds.size() == 1 ? "seed" : "seeds", join(seeds));
    }

    private static String join(TreeSet<? extends Number> values) {
        return String.join(",", values.stream().map(String::valueOf).toList());
    }

    /** The chart as an image, titled {@code label}; empty when there are no scored runs. */
    public static Optional<BufferedImage> image(List<OpenSetBenchmark.Result> results, String label) {
        List<OpenSetCells.Cell> cells = OpenSetReport.cells(results);
        return cells.isEmpty() ? Optional.empty() : Optional.of(Figures.image(chart(cells, label)));
    }

    /** Writes {@code <name>-unseen-auc.png} for the cells of one of {@link OpenSetReport#TABLES}; nothing when there are none. */
    static List<Path> write(List<OpenSetCells.Cell> cells, Path figuresDir, String name) {
        if (cells.isEmpty()) {
            return List.of();
        }
        return List.of(Figures.writePng(Figures.image(chart(cells, label(name))), figuresDir.resolve(name + "-unseen-auc.png")));
    }

    /** The title's label of one of {@link OpenSetReport#TABLES}' charts (a notebook showing the same chart uses it too). */
    public static String label(String name) {
        return name.equals(OpenSetReport.LEADERBOARD) ? "Leaderboard of every head"
                : name.equals(OpenSetReport.OPENSET) ? "First open-set benchmark" : name;
    }
}
