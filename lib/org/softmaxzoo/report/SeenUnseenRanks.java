package org.softmaxzoo.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Does a head that does better on the training classes also verify unseen classes better? Per data set and
 * dimension, Spearman's rank correlation over the heads between the mean of a seen-class metric and the mean unseen
 * AUC, with a permutation p-value ({@link Spearman#permutationPValue}).
 */
final class SeenUnseenRanks {
    /** Enough for a p-value of about 0.02 to be known to ±0.001, and fast (8 correlations of 21 heads in well under a second). */
    static final int SHUFFLES = 100_000;
    /** Fixed, so that {@code summarize --check} finds the same p-values again. */
    static final long SEED = 1;
    /** The seen-class metrics compared: classification and verification of the training classes. */
    static final List<String> SEEN = List.of("seen_test_acc", "seen_tar_far1e-3");

    private SeenUnseenRanks() {
    }

    /** One data set and dimension, one seen metric: over how many heads, the correlation, its p-value. */
    record Correlation(String group, OpenSetCells.Metric seen, int heads, double rho, double pValue) {
    }

    /** The correlations of every group with at least three heads having both metrics, groups in the cells' order. */
    static List<Correlation> correlations(List<OpenSetCells.Cell> cells, List<OpenSetCells.Metric> seen, OpenSetCells.Metric unseen) {
        List<Correlation> out = new ArrayList<>();
        for (String group : cells.stream().map(OpenSetCells.Cell::group).distinct().toList()) {
            for (OpenSetCells.Metric m : seen) {
                List<OpenSetCells.Cell> both = cells.stream()
                        .filter(c -> c.group().equals(group) && c.sample(m).n() > 0 && c.sample(unseen).n() > 0).toList();
                if (both.size() < 3) {
                    continue;
                }
                double[] x = both.stream().mapToDouble(c -> c.sample(m).mean()).toArray();
                double[] y = both.stream().mapToDouble(c -> c.sample(unseen).mean()).toArray();
                out.add(new Correlation(group, m, both.size(), Spearman.correlation(x, y), Spearman.permutationPValue(x, y, SHUFFLES, SEED)));
            }
        }
        return out;
    }

    /** The Markdown section: what is computed, then one row per group and seen metric; empty when no group has three heads. */
    static String markdown(List<OpenSetCells.Cell> cells, List<OpenSetCells.Metric> seen, OpenSetCells.Metric unseen) {
        List<Correlation> rows = correlations(cells, seen, unseen);
        if (rows.isEmpty()) {
            return "";
        }
        StringBuilder sb = new StringBuilder("\n## Seen classes against unseen\n\nDoes a head that does better on the training ")
                .append("classes also verify the unseen ones better? Per data set and dimension, Spearman's rank correlation over the ")
                .append("heads between the seeds' mean of a seen-class metric and of ").append(unseen.heading()).append("; p: two-sided ")
                .append("permutation test, the share of ").append(String.format(Locale.ROOT, "%,d", SHUFFLES))
                .append(" random pairings of the heads' values (seeded) whose correlation is at least as far from 0. ")
                .append("Negative: the heads that fit the training classes best verify unseen classes worse.\n\n")
                .append("| data set and dimension | seen metric | heads | Spearman with ").append(unseen.heading()).append(" | p |\n")
                .append("|---|---|---:|---:|---:|\n");
        for (Correlation c : rows) {
            sb.append(String.format(Locale.ROOT, "| %s | %s | %d | %+.2f | %.3f |\n", c.group(), c.seen().heading(), c.heads(), c.rho(), c.pValue()));
        }
        return sb.toString();
    }
}
