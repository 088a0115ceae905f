package org.softmaxzoo.report;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
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

/**
 * The open-set tables (Markdown and CSV): one row per cell (data set, head, feature dimension, epochs) with
 * the mean and sample standard deviation of every metric over the cell's seeds, cells with fewer than
 * {@value OpenSetCells#MIN_SEEDS} seeds marked, heads ranked by unseen AUC within each data set and
 * dimension, and which head differences {@link SeedRule} can tell apart; and the ROC and geometry figures.
 */
public final class OpenSetReport {
    private OpenSetReport() {
    }

    /** The first open-set benchmark's table and runs folder (under the runs folder): six heads, 5 epochs, seed 1. */
    public static final String OPENSET = "openset";
    /** The benchmark of every head (issue 26): its table and runs folder; its heads are listed in {@value #LEADERBOARD_HEADS} there. */
    public static final String LEADERBOARD = "leaderboard";
    public static final String LEADERBOARD_HEADS = "heads.txt";
    /** The tables {@code summarize} writes from whatever runs their folders hold. */
    public static final List<String> TABLES = List.of(OPENSET, LEADERBOARD);

    private static final List<OpenSetCells.Metric> NUMBERS = numberColumns();

    private static OpenSetCells.Metric metric(String csv, String heading, ToDoubleFunction<OpenSetBenchmark.Result> value) {
        return new OpenSetCells.Metric(csv, heading, value, true);
    }

    private static List<OpenSetCells.Metric> numberColumns() {
        List<OpenSetCells.Metric> c = new ArrayList<>();
        c.add(metric("seen_test_acc", "seen test acc", r -> r.run().last().testAccuracy()));
        for (String set : List.of("unseen", "seen")) {
            Function<OpenSetBenchmark.Result, OpenSetBenchmark.Metrics> m = set.equals("unseen") ? OpenSetBenchmark.Result::unseen
                    : OpenSetBenchmark.Result::seen;
            c.add(metric(set + "_auc", set + " AUC", r -> m.apply(r).auc()));
            c.add(new OpenSetCells.Metric(set + "_eer", set + " EER", r -> m.apply(r).equalErrorRate(), false));
            c.add(metric(set + "_tar_far1e-3", set + " TAR@1e-3", r -> m.apply(r).tarAtFar1e3()));
            c.add(metric(set + "_p_at_1", set + " P@1", r -> m.apply(r).retrieval().precisionAt1()));
            c.add(metric(set + "_r_precision", set + " R-prec", r -> m.apply(r).retrieval().rPrecision()));
            c.add(metric(set + "_map_at_r", set + " MAP@R", r -> m.apply(r).retrieval().mapAtR()));
        }
        c.add(metric("min_weight_angle_deg", "min angle W_i W_j (deg)", r -> r.seen().geometry().minWeightAngle()));
        for (String set : List.of("seen", "unseen")) {
            Function<OpenSetBenchmark.Result, OpenSetBenchmark.Metrics> m = set.equals("unseen") ? OpenSetBenchmark.Result::unseen
                    : OpenSetBenchmark.Result::seen;
            c.add(new OpenSetCells.Metric(set + "_spread_deg", set + " spread (deg)", r -> m.apply(r).geometry().meanSpread(), false));
            c.add(new OpenSetCells.Metric(set + "_pos_pair_deg", set + " pos. pair (deg)", r -> m.apply(r).geometry().meanPositivePair(), false));
            c.add(metric(set + "_neg_pair_deg", set + " neg. pair (deg)", r -> m.apply(r).geometry().meanNegativePair()));
            c.add(new OpenSetCells.Metric(set + "_mean_norm", set + " mean ||x||", r -> m.apply(r).geometry().meanNorm(), false));
            c.add(new OpenSetCells.Metric(set + "_norm_cv", set + " ||x|| CV", r -> m.apply(r).geometry().normCv(), false));
        }
        return List.copyOf(c);
    }

    private static OpenSetCells.Metric number(String csv) {
        return NUMBERS.stream().filter(m -> m.csv().equals(csv)).findFirst().orElseThrow();
    }

    /** Heads are ranked by this within each data set and dimension. */
    static final OpenSetCells.Metric RANK_BY = number("unseen_auc");
    /** The metrics of the Markdown table (the CSV has them all). */
    static final List<OpenSetCells.Metric> SHOWN = List.of("seen_test_acc", "unseen_auc", "unseen_eer", "unseen_tar_far1e-3",
            "unseen_p_at_1", "unseen_r_precision", "unseen_map_at_r", "seen_auc", "seen_map_at_r", "min_weight_angle_deg").stream()
            .map(OpenSetReport::number).toList();
    /** The metrics whose head differences the tables state (issue 24's list: seen accuracy, verification, retrieval). */
    static final List<OpenSetCells.Metric> DECIDED = SHOWN.subList(0, 7);
    /** The metrics of the at-a-glance tables: seen-class accuracy, unseen-class verification and retrieval. */
    static final List<OpenSetCells.Metric> GLANCE = List.of("seen_test_acc", "unseen_auc", "unseen_map_at_r").stream()
            .map(OpenSetReport::number).toList();

    /** The seen-class metrics whose ranks over the heads the Markdown sets against unseen AUC's. */
    static final List<OpenSetCells.Metric> SEEN_AGAINST_UNSEEN = SeenUnseenRanks.SEEN.stream().map(OpenSetReport::number).toList();

    /** The cells of some results, ranked as the tables show them. */
    public static List<OpenSetCells.Cell> cells(List<OpenSetBenchmark.Result> results) {
        SameData sameData = new SameData(results.isEmpty() ? "" : results.get(0).run().runDir().toAbsolutePath().getParent().toString());
        results.forEach(r -> sameData.add(r.config().dataset().experimentName(), r.run().runDir()));
        sameData.check();
        return OpenSetCells.cells(results, RANK_BY);
    }

    /**
     * The CSV: one row per cell, n and seeds, then mean and standard deviation of every metric (empty when not
     * measured, or the deviation of one seed).
     */
    static String csv(List<OpenSetCells.Cell> cells) {
        StringBuilder sb = new StringBuilder("dataset,head,feature_dim,epochs,n,seeds");
        NUMBERS.forEach(m -> sb.append(',').append(m.csv()).append("_mean,").append(m.csv()).append("_std"));
        sb.append('\n');
        for (OpenSetCells.Cell c : cells) {
            sb.append(c.dataset()).append(",\"").append(c.head()).append("\",").append(c.featureDim()).append(',').append(c.epochs())
                    .append(',').append(c.n()).append(",\"").append(seeds(c)).append('"');
            for (OpenSetCells.Metric m : NUMBERS) {
                Sample s = c.sample(m);
                sb.append(',').append(csvNumber(s.mean())).append(',').append(csvNumber(s.std()));
            }
            sb.append('\n');
        }
        return sb.toString();
    }

    /** Every pair of heads of a group on the decided metrics: the better head, the worse, the difference, its SE, the verdict. */
    static String pairsCsv(List<OpenSetCells.Cell> cells) {
        StringBuilder sb = new StringBuilder("dataset,feature_dim,epochs,metric,better_head,worse_head,difference,se,verdict\n");
        for (OpenSetCells.Metric m : DECIDED) {
            for (OpenSetCells.Pair p : OpenSetCells.pairs(cells, m)) {
                sb.append(p.better().dataset()).append(',').append(p.better().featureDim()).append(',').append(p.better().epochs())
                        .append(',').append(m.csv()).append(",\"").append(p.better().head()).append("\",\"").append(p.worse().head())
                        .append("\",").append(csvNumber(p.difference().difference())).append(',')
                        .append(csvNumber(p.difference().standardError())).append(',').append(p.difference().verdict().text).append('\n');
            }
        }
        return sb.toString();
    }

    private static String csvNumber(double v) {
        return Double.isNaN(v) ? "" : OpenSetCells.four(v);
    }

    private static String seeds(OpenSetCells.Cell c) {
        return String.join(",", c.seeds().stream().map(String::valueOf).toList());
    }

    /** The Markdown: what the numbers are, then per data set and dimension the ranked heads and what the rule can tell apart. */
    static String markdown(List<OpenSetCells.Cell> cells, String name) {
        StringBuilder sb = new StringBuilder(name.equals(LEADERBOARD) ? "# Leaderboard: every head, open-set verification and retrieval\n\n"
                : "# Open-set verification\n\n")
                .append("Trained on classes 0-7; pairs of test images scored by the cosine of their features. ")
                .append("Unseen: pairs among classes 8 and 9, never seen in training; seen: pairs among classes 0-7. ")
                .append("AUC: area under the ROC curve; EER: equal error rate; TAR@FAR=1e-3: true-accept rate at 0.1% false accepts. ")
                .append("Retrieval (as pytorch-metric-learning's AccuracyCalculator; each test image queries all others of its set by cosine): ")
                .append("P@1: precision at 1; R-prec: R-precision; MAP@R: mean average precision at R, R the number of other images of the query's class. ")
                .append("min angle: the smallest angle between two class weights. ")
                .append("Each cell is mean ± sample standard deviation over its seeds (a run of seed s > 1 has `.seed<s>` before `.classes0-7` in its name); ")
                .append("n marked * has fewer than ").append(OpenSetCells.MIN_SEEDS).append(" seeds. Heads ranked by ")
                .append(RANK_BY.heading()).append(" within each data set and dimension. ")
                .append("Distinguishable: two heads differ by the rule of `findings.md` (the mean difference exceeds twice its Welch ")
                .append("standard error over the seeds; with one seed not decided); every pair is in `").append(name).append("-pairs.csv`. ")
                .append("'missing': not in the run's metrics file (scored before it was measured). ")
                .append("The geometry columns and the seen-class metrics are in `").append(name).append(".csv`. Generated by `summarize` from `results/runs/")
                .append(name).append("/`.\n");
        if (cells.isEmpty()) {
            sb.append("\nNo scored runs yet.\n");
        }
        return sb.append(glance(cells)).append(SeenUnseenRanks.markdown(cells, SEEN_AGAINST_UNSEEN, RANK_BY)).append(cellSections(cells))
                .toString();
    }

    /**
     * The tables of {@code results}' cells without the preamble (notebooks): at a glance, then per data set and
     * dimension the ranked heads and what the seeds tell apart.
     */
    public static String sections(List<OpenSetBenchmark.Result> results) {
        List<OpenSetCells.Cell> cells = cells(results);
        return glance(cells) + cellSections(cells);
    }

    /** Only the at-a-glance tables of {@code results} (a notebook showing many heads; the full tables are in the committed Markdown). */
    public static String atAGlance(List<OpenSetBenchmark.Result> results) {
        return glance(cells(results));
    }

    /**
     * Per metric of {@link #GLANCE} one table with a row per head and a column per data set and dimension, so a head
     * reads across the four settings; the best of a column in bold, the cells the rule cannot tell from it marked.
     */
    static String glance(List<OpenSetCells.Cell> cells) {
        if (cells.isEmpty()) {
            return "";
        }
        List<String> groups = cells.stream().map(OpenSetCells.Cell::group).distinct().toList();
        StringBuilder sb = new StringBuilder("\n## At a glance\n\nOne row per head, one column per data set and dimension: mean ± std over ")
                .append("the seeds. **Bold**: the best mean of its column; ≈: the seeds cannot tell it from the best by the rule; ")
                .append("(n k): only k seeds. Heads in the order of their mean rank on ").append(RANK_BY.heading())
                .append(" over the columns they have.\n");
        for (OpenSetCells.Metric m : GLANCE) {
            sb.append("\n### ").append(m.heading()).append("\n\n| head | ").append(String.join(" | ", groups)).append(" |\n|---|")
                    .append("---:|".repeat(groups.size())).append('\n');
            Map<String, OpenSetCells.Cell> best = new LinkedHashMap<>();
            Map<String, Map<OpenSetCells.Cell, SeedRule.Verdict>> verdicts = new LinkedHashMap<>();
            for (String g : groups) {
                List<OpenSetCells.Cell> in = inGroup(cells, g);
                best.put(g, OpenSetCells.best(in, m));
                verdicts.put(g, OpenSetCells.againstBest(in, m));
            }
            for (String head : headsByMeanRank(cells, groups)) {
                sb.append("| ").append(head);
                for (String g : groups) {
                    OpenSetCells.Cell c = cellOf(cells, g, head).orElse(null);
                    sb.append(" | ").append(c == null ? "–" : glanceCell(c, m, c == best.get(g), verdicts.get(g).get(c)));
                }
                sb.append(" |\n");
            }
        }
        return sb.toString();
    }

    private static String glanceCell(OpenSetCells.Cell c, OpenSetCells.Metric m, boolean best, SeedRule.Verdict againstBest) {
        Sample s = c.sample(m);
        String text = OpenSetCells.meanStd(s);
        if (s.n() == 0) {
            return text;
        }
        return (best ? "**" + text + "**" : text) + (againstBest == SeedRule.Verdict.NOT_DISTINGUISHABLE ? " ≈" : "")
                + (s.n() < OpenSetCells.MIN_SEEDS ? " (n " + s.n() + ")" : "");
    }

    private static List<OpenSetCells.Cell> inGroup(List<OpenSetCells.Cell> cells, String group) {
        return cells.stream().filter(c -> c.group().equals(group)).toList();
    }

    /** The cell of one head in one group, if the head was trained there. */
    static Optional<OpenSetCells.Cell> cellOf(List<OpenSetCells.Cell> cells, String group, String head) {
        return cells.stream().filter(c -> c.group().equals(group) && c.head().equals(head)).findFirst();
    }

    /** Heads ordered by their mean rank within the groups they appear in (cells come ranked), ties by first appearance. */
    static List<String> headsByMeanRank(List<OpenSetCells.Cell> cells, List<String> groups) {
        Map<String, double[]> rankSum = new LinkedHashMap<>();
        for (String g : groups) {
            List<OpenSetCells.Cell> in = inGroup(cells, g);
            for (int i = 0; i < in.size(); i++) {
                double[] sumAndCount = rankSum.computeIfAbsent(in.get(i).head(), h -> new double[2]);
                sumAndCount[0] += i + 1;
                sumAndCount[1]++;
            }
        }
        List<String> heads = new ArrayList<>(rankSum.keySet());
        heads.sort(java.util.Comparator.comparingDouble(h -> rankSum.get(h)[0] / rankSum.get(h)[1]));
        return heads;
    }

    private static String cellSections(List<OpenSetCells.Cell> cells) {
        StringBuilder sb = new StringBuilder();
        for (String group : cells.stream().map(OpenSetCells.Cell::group).distinct().toList()) {
            sb.append("\n## ").append(group).append("\n\n| rank | head | n | seeds | ")
                    .append(String.join(" | ", SHOWN.stream().map(OpenSetCells.Metric::heading).toList())).append(" |\n")
                    .append("|---:|---|---:|---|").append("---:|".repeat(SHOWN.size())).append('\n');
            List<OpenSetCells.Cell> in = inGroup(cells, group);
            int rank = 0;
            for (OpenSetCells.Cell c : in) {
                sb.append("| ").append(++rank).append(" | ").append(c.head()).append(" | ").append(c.n())
                        .append(c.n() < OpenSetCells.MIN_SEEDS ? " *" : "").append(" | ").append(seeds(c));
                SHOWN.forEach(m -> sb.append(" | ").append(OpenSetCells.meanStd(c.sample(m))));
                sb.append(" |\n");
            }
            sb.append("\nWhat the seeds can tell apart:\n\n");
            for (OpenSetCells.Metric m : DECIDED) {
                String line = OpenSetCells.topGroup(in, m);
                if (line != null) {
                    sb.append("- ").append(line).append('\n');
                }
            }
        }
        return sb.toString();
    }

    /** Writes {@code <name>.csv}, {@code <name>.md} and {@code <name>-pairs.csv} for the cells. */
    private static List<Path> writeTables(List<OpenSetCells.Cell> cells, Path outDir, String name) {
        List<Path> written = new ArrayList<>();
        texts(cells, name).forEach((file, text) -> {
            AtomicFiles.writeString(outDir.resolve(file), text);
            written.add(outDir.resolve(file));
        });
        return written;
    }

    /** The texts {@link #writeTables} writes, by file name, for {@code summarize --check}. */
    public static Map<String, String> tableTexts(List<OpenSetBenchmark.Result> results, String name) {
        return texts(cells(results), name);
    }

    private static Map<String, String> texts(List<OpenSetCells.Cell> cells, String name) {
        Map<String, String> texts = new LinkedHashMap<>();
        texts.put(name + ".csv", csv(cells));
        texts.put(name + ".md", markdown(cells, name));
        texts.put(name + "-pairs.csv", pairsCsv(cells));
        return texts;
    }

    /** What {@code summarize} writes: the tables ({@link #writeTables}) and the AUC chart ({@link OpenSetSpreadChart}). */
    public static List<Path> writeTablesAndChart(List<OpenSetBenchmark.Result> results, Path outDir, Path figuresDir, String name) {
        return tablesAndChart(cells(results), outDir, figuresDir, name);
    }

    private static List<Path> tablesAndChart(List<OpenSetCells.Cell> cells, Path outDir, Path figuresDir, String name) {
        List<Path> written = new ArrayList<>(writeTables(cells, outDir, name));
        written.addAll(OpenSetSpreadChart.write(cells, figuresDir, name));
        return written;
    }

    /**
     * The tables, the AUC chart ({@link #writeTablesAndChart}) and the ROC figure of each data set and dimension from
     * each cell's lowest seed. The geometry figures are drawn by {@link #geometryFigure} as each run is scored.
     */
    public static List<Path> write(List<OpenSetBenchmark.Result> results, Path outDir, Path figuresDir, String name) {
        List<OpenSetCells.Cell> cells = cells(results);
        List<Path> written = tablesAndChart(cells, outDir, figuresDir, name);
        List<OpenSetBenchmark.Result> firstSeeds = cells.stream().map(c -> c.runs().get(0)).toList();
        firstSeeds.stream().map(r -> r.config().dataset().experimentName() + "-d" + r.config().featureDim()).distinct().forEach(key -> {
            List<OpenSetBenchmark.Result> group = firstSeeds.stream()
                    .filter(r -> (r.config().dataset().experimentName() + "-d" + r.config().featureDim()).equals(key)).toList();
            written.add(Figures.writePng(Figures.image(rocChart(group, key)), figuresDir.resolve(name + "-roc-" + key + ".png")));
        });
        return written;
    }

    /**
     * The geometry figure of a freshly scored run (one with {@link OpenSetBenchmark.Result#geometry()}):
     * {@code <name>-geometry-<run>.png}, seen and unseen test classes.
     */
    public static Path geometryFigure(OpenSetBenchmark.Result r, Path figuresDir, String name) {
        Map<String, EmbeddingGeometry> sets = new LinkedHashMap<>();
        sets.put("seen classes", r.geometry().seen());
        sets.put("unseen classes", r.geometry().unseen());
        String run = String.format(Locale.ROOT, "Geometry of %s, head %s, d = %d, network %s, %d epochs on classes 0-7, seed %d (test images)",
                r.config().dataset().experimentName(), r.config().head(), r.config().featureDim(), r.config().network(),
                r.run().last().epoch(), r.config().seed());
        return Figures.writePng(GeometryFigure.render(run, sets), figuresDir.resolve(name + "-geometry-" + r.config().name() + ".png"));
    }

    /** ROC curves on unseen-class pairs, false-accept rate on a log axis. */
    static XYChart rocChart(List<OpenSetBenchmark.Result> group, String key) {
        OpenSetBenchmark.Result first = group.get(0);
        XYChart chart = new XYChartBuilder().width(900).height(600)
                .title("Open-set ROC, unseen classes 8-9: " + key + ", " + first.config().network() + " CNN, "
                        + first.run().last().epoch() + " epochs on 0-7, lowest seed")
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
