package org.softmaxzoo.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import org.softmaxzoo.eval.OpenSetBenchmark;

/**
 * The open-set runs gathered into cells, one per data set, head, feature dimension and epochs, each cell
 * holding its seeds' runs (seed s > 1 adds {@code .seed<s>} to a run's name, before {@code .classes0-7}) and a {@link Sample}
 * per metric; and which heads of a data set and dimension {@link SeedRule} can tell apart.
 */
public final class OpenSetCells {
    /** A cell with fewer seeds than this is marked in the tables (issue 24 asks for three). */
    public static final int MIN_SEEDS = 3;

    /**
     * A metric of a run: its CSV name, its Markdown heading, how it is read, and whether larger is better
     * (error rates and angles of one class's spread are not).
     */
    public record Metric(String csv, String heading, ToDoubleFunction<OpenSetBenchmark.Result> value, boolean higherIsBetter) {
    }

    /** The runs of one cell, in seed order. */
    public record Cell(String dataset, String head, int featureDim, int epochs, List<OpenSetBenchmark.Result> runs) {
        public List<Long> seeds() {
            return runs.stream().map(r -> r.config().seed()).toList();
        }

        public int n() {
            return runs.size();
        }

        /** The metric over the runs that have it (a metrics file written before a metric existed lacks it). */
        public Sample sample(Metric m) {
            return new Sample(runs.stream().mapToDouble(m.value()).filter(v -> !Double.isNaN(v)).boxed().toList());
        }

        /** The group this cell is ranked in: data set, dimension and epochs. */
        public String group() {
            return String.format(Locale.ROOT, "%s, d = %d, %d epochs", dataset, featureDim, epochs);
        }
    }

    /** The cells of {@code results}, grouped by data set, dimension and epochs (first appearance, d ascending), ranked within by {@code rankBy}. */
    public static List<Cell> cells(List<OpenSetBenchmark.Result> results, Metric rankBy) {
        Map<String, List<OpenSetBenchmark.Result>> byCell = new LinkedHashMap<>();
        for (OpenSetBenchmark.Result r : results) {
            String key = r.config().dataset().experimentName() + "\u0000" + r.config().head() + "\u0000" + r.config().featureDim() + "\u0000"
                    + r.run().last().epoch();
            byCell.computeIfAbsent(key, k -> new ArrayList<>()).add(r);
        }
        List<String> datasets = results.stream().map(r -> r.config().dataset().experimentName()).distinct().toList();
        List<Cell> cells = new ArrayList<>();
        for (List<OpenSetBenchmark.Result> runs : byCell.values()) {
            OpenSetBenchmark.Result first = runs.get(0);
            cells.add(new Cell(first.config().dataset().experimentName(), first.config().head(), first.config().featureDim(),
                    first.run().last().epoch(), runs.stream().sorted(Comparator.comparingLong(r -> r.config().seed())).toList()));
        }
        Comparator<Cell> order = Comparator.<Cell>comparingInt(c -> datasets.indexOf(c.dataset())).thenComparingInt(Cell::featureDim)
                .thenComparingInt(Cell::epochs).thenComparing(c -> -oriented(rankBy, c.sample(rankBy).mean()));
        return cells.stream().sorted(order).toList();
    }

    /** Larger is better after this: NaN (not measured) ranks last. */
    private static double oriented(Metric m, double v) {
        return Double.isNaN(v) ? Double.NEGATIVE_INFINITY : m.higherIsBetter() ? v : -v;
    }

    /** Two heads of one group on one metric: {@code better} has the better mean; the rule on the difference. */
    public record Pair(Cell better, Cell worse, Metric metric, SeedRule.Difference difference) {
    }

    /** Every pair of heads within each group, better head first, on one metric (cells without the metric left out). */
    public static List<Pair> pairs(List<Cell> cells, Metric m) {
        List<Pair> pairs = new ArrayList<>();
        for (int i = 0; i < cells.size(); i++) {
            for (int j = i + 1; j < cells.size(); j++) {
                Cell a = cells.get(i);
                Cell b = cells.get(j);
                if (!a.group().equals(b.group()) || a.sample(m).n() == 0 || b.sample(m).n() == 0) {
                    continue;
                }
                boolean aBetter = oriented(m, a.sample(m).mean()) >= oriented(m, b.sample(m).mean());
                Cell better = aBetter ? a : b;
                Cell worse = aBetter ? b : a;
                Sample hi = better.sample(m);
                Sample lo = worse.sample(m);
                // For a lower-is-better metric the claim "better beats worse" is mean(worse) - mean(better) > 0.
                pairs.add(new Pair(better, worse, m, m.higherIsBetter() ? SeedRule.compare(hi, lo, 0) : SeedRule.compare(lo, hi, 0)));
            }
        }
        return pairs;
    }

    /** The cell of a group with the best mean on the metric; null when no cell has it. */
    public static Cell best(List<Cell> group, Metric m) {
        return group.stream().filter(c -> c.sample(m).n() > 0).max(Comparator.comparingDouble(c -> oriented(m, c.sample(m).mean())))
                .orElse(null);
    }

    /** The rule's verdict on "the best beats this cell" for every other cell of the group that has the metric. */
    public static Map<Cell, SeedRule.Verdict> againstBest(List<Cell> group, Metric m) {
        Cell best = best(group, m);
        Map<Cell, SeedRule.Verdict> verdicts = new LinkedHashMap<>();
        for (Pair p : pairs(group.stream().filter(c -> c.sample(m).n() > 0).toList(), m)) {
            if (p.better() == best || p.worse() == best) {
                verdicts.put(p.better() == best ? p.worse() : p.better(), p.difference().verdict());
            }
        }
        return verdicts;
    }

    /**
     * One sentence on the cells of one group: the best head on the metric, the heads the rule cannot tell from it,
     * those with one seed (not decided), and how many are below it by the rule; null when no cell has the metric.
     */
    public static String topGroup(List<Cell> group, Metric m) {
        Cell best = best(group, m);
        if (best == null) {
            return null;
        }
        List<String> close = new ArrayList<>();
        List<String> oneSeed = new ArrayList<>();
        int below = 0;
        for (Map.Entry<Cell, SeedRule.Verdict> e : againstBest(group, m).entrySet()) {
            switch (e.getValue()) {
                case HOLDS -> below++;
                case ONE_SEED -> oneSeed.add(e.getKey().head());
                default -> close.add(e.getKey().head());
            }
        }
        Sample s = best.sample(m);
        return String.format(Locale.ROOT, "%s: best %s %s (n %d); not distinguishable from it: %s; one seed, not decided: %s; "
                + "below it by the rule: %d", m.heading(), best.head(), meanStd(s), s.n(), list(close), list(oneSeed), below);
    }

    private static String list(List<String> heads) {
        return heads.isEmpty() ? "none" : String.join(", ", heads);
    }

    /** "0.9835 ± 0.0012", "0.9835" for one value, "missing" for none. */
    public static String meanStd(Sample s) {
        if (s.n() == 0) {
            return "missing";
        }
        return s.n() == 1 ? four(s.mean()) : four(s.mean()) + " ± " + four(s.std());
    }

    /**
     * Four decimals, rounded as the first open-set table was (Math.round of v x 1e4): String.format alone rounds
     * the decimal 0.34095 up where the double below it rounds down, so one committed number would change.
     */
    public static String four(double v) {
        return String.format(Locale.ROOT, "%.4f", Math.round(v * 1e4) / 1e4);
    }

    private OpenSetCells() {
    }
}
