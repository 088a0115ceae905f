package org.softmaxzoo.report;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.softmaxzoo.report.StabilityMap.Cell;
import org.softmaxzoo.report.StabilityMap.Map2;

/**
 * What a stability map supports, in words: the rule of thumb over collapses (which scales train every margin up to
 * which size on every seed), and the finer answer from accuracy (the best cell and the cells near it).
 */
public final class StabilityRules {
    /** How far below the best cell's mean a cell may be and still be named as near it (a stated choice, not a test). */
    static final int NEAR_BEST_POINTS = 2;

    private StabilityRules() {
    }

    /**
     * The scales at which every margin up to {@code maxMargin} trains on at least {@code seeds} seeds (none
     * collapsed), ascending; empty when no scale of the map does. Not necessarily a range: a large scale may fail
     * where a middle one trains.
     */
    public static List<BigDecimal> scalesTrainingAll(Map2 map, BigDecimal maxMargin, int seeds) {
        return map.scales().stream().filter(s -> cellsUpTo(map, s, maxMargin).allMatch(c -> c != null && c.trains(seeds))).toList();
    }

    /** The cells at scale {@code s} of every margin up to {@code maxMargin}, null where no run has them. */
    private static Stream<Cell> cellsUpTo(Map2 map, BigDecimal s, BigDecimal maxMargin) {
        return map.margins().stream().filter(m -> m.compareTo(maxMargin) <= 0).map(m -> map.cell(m, s));
    }

    /**
     * The rule of thumb a map supports: the largest margin X such that some scale trains every margin up to X on
     * every seed of the map, the scales that do, those where a seed collapsed and those still waiting for runs; or
     * that no scale trains even the smallest margin. "So far" marks a negative that missing runs may still change.
     */
    public static String ruleOfThumb(Map2 map) {
        int seeds = map.seeds().size();
        String unit = map.marginSuffix();
        BigDecimal x = null;
        List<BigDecimal> found = List.of();
        for (BigDecimal m : map.margins()) {
            List<BigDecimal> training = scalesTrainingAll(map, m, seeds);
            if (training.isEmpty()) {
                break;
            }
            x = m;
            found = training;
        }
        if (x == null) {
            return String.format(Locale.ROOT, "no scale trains %s with m = %s%s %s%s", map.head(), map.margins().get(0).toPlainString(),
                    unit, onSeeds(seeds), soFar(map, map.margins().get(0)));
        }
        int next = map.margins().indexOf(x) + 1;
        boolean everyMargin = next == map.margins().size();
        String margins = everyMargin ? "every margin of the sweep" : "every margin up to " + x.toPlainString() + unit;
        // a scale that does not train all of them failed if one collapsed; otherwise it still waits for runs
        List<BigDecimal> fail = new ArrayList<>();
        List<BigDecimal> waiting = new ArrayList<>();
        for (BigDecimal s : map.scales()) {
            if (!found.contains(s)) {
                (collapsedUpTo(map, s, x) ? fail : waiting).add(s);
            }
        }
        String where = fail.isEmpty() && waiting.isEmpty() ? "at every scale of the sweep" : "at s = " + scales(found)
                + (fail.isEmpty() ? "" : ", not at s = " + scales(fail)) + (waiting.isEmpty() ? "" : ", not yet run on every seed at s = " + scales(waiting));
        String beyond = everyMargin ? ""
                : "; no scale trains all margins up to " + map.margins().get(next).toPlainString() + unit + soFar(map, map.margins().get(next));
        return String.format(Locale.ROOT, "%s trains %s with %s %s%s", map.head(), onSeeds(seeds), margins, where, beyond);
    }

    private static String onSeeds(int seeds) {
        return seeds == 1 ? "on its one seed" : "on all " + seeds + " seeds";
    }

    /** Whether a seed collapsed at scale {@code s} with some margin up to {@code maxMargin}. */
    private static boolean collapsedUpTo(Map2 map, BigDecimal s, BigDecimal maxMargin) {
        return cellsUpTo(map, s, maxMargin).anyMatch(c -> c != null && c.collapsed() > 0);
    }

    /** " so far" when a "no scale trains every margin up to this one" may still change: some scale has no collapse up to it. */
    private static String soFar(Map2 map, BigDecimal maxMargin) {
        return map.scales().stream().allMatch(s -> collapsedUpTo(map, s, maxMargin)) ? "" : " so far";
    }

    /** The cell with the highest mean among those run on every seed of the map (the first in sweep order on a tie); null if none is. */
    public static Cell bestCell(Map2 map) {
        int seeds = map.seeds().size();
        Cell best = null;
        for (BigDecimal m : map.margins()) {
            for (BigDecimal s : map.scales()) {
                Cell c = map.cell(m, s);
                if (c != null && c.ranOn(seeds) && (best == null || c.accuracies().mean() > best.accuracies().mean())) {
                    best = c;
                }
            }
        }
        return best;
    }

    /** The cells with a collapsed seed, the best cell and the cells near it: what a map shows besides its rule of thumb. */
    static String collapsesAndBest(Map2 map) {
        long collapsed = map.cells().values().stream().filter(c -> c.collapsed() > 0).count();
        String unit = map.marginSuffix();
        Cell best = bestCell(map);
        String bestText = best == null ? "no cell has run on every seed yet"
                : String.format(Locale.ROOT, "highest mean %.4f at m = %s%s, s = %s; within %d points of it: %s", best.accuracies().mean(),
                        best.margin().toPlainString(), unit, plain(best.scale()), NEAR_BEST_POINTS,
                        nearBest(map, best.accuracies().mean() - NEAR_BEST_POINTS / 100.0));
        return String.format(Locale.ROOT, "%d of %d cells run had a seed collapse; %s", collapsed, map.cells().size(), bestText);
    }

    /** Per scale, the margins whose cells (run on every seed) have a mean of at least {@code floor}: "s = 4: m = 0, 0.1; ...". */
    static String nearBest(Map2 map, double floor) {
        int seeds = map.seeds().size();
        List<String> parts = new ArrayList<>();
        for (BigDecimal s : map.scales()) {
            List<BigDecimal> near = map.margins().stream().filter(m -> {
                Cell c = map.cell(m, s);
                return c != null && c.ranOn(seeds) && c.accuracies().mean() >= floor - 1e-9; // inclusive despite rounding
            }).toList();
            if (!near.isEmpty()) {
                String margins = near.size() == map.margins().size() ? "every margin" : "m = " + String.join(", ", near.stream().map(BigDecimal::toPlainString).toList());
                parts.add("s = " + plain(s) + ": " + margins);
            }
        }
        return String.join("; ", parts);
    }

    private static String scales(List<BigDecimal> scales) {
        return String.join(", ", scales.stream().map(StabilityRules::plain).toList());
    }

    /** A scale as the sweep writes it: 16, not 16.0. */
    private static String plain(BigDecimal scale) {
        return scale.stripTrailingZeros().toPlainString();
    }
}
