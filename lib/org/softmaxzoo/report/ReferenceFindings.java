package org.softmaxzoo.report;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.softmaxzoo.train.AtomicFiles;
import tech.tablesaw.api.Table;

/**
 * The reference write-up's headline findings, each a claim about a few rows of the results tables,
 * checked on one {@link ResultsSummary.Basis}: the rows that finished the
 * {@value ResultsSummary#PROTOCOL_EPOCHS}-epoch protocol (what the committed-summary test enforces), or
 * every row's best within its first {@value ResultsSummary#STAGE_EPOCHS} epochs (reported, not
 * enforced: the thresholds are the 40-epoch reference's). A finding whose rows have not all reached
 * the basis's epochs is {@link Status#PENDING}: neither passed nor failed.
 *
 * <p>Rows are named by {@link ReferenceResults#shortName} (the plain softmax row: "softmax").
 * Thresholds are looser than the reference's gaps, because a 2-d run's best accuracy moves by several tenths of a point from seed to seed.
 */
public final class ReferenceFindings {
    private static final String PLAIN = ReferenceResults.PLAIN;

    public enum Status { HOLDS, FAILS, PENDING }

    /**
     * A claim over our best accuracies of {@code rows} of one data set ({@code null}: every row of it);
     * {@code id} names it in {@code results/explanations.csv}.
     */
    public record Finding(String id, String dataset, String claim, List<String> rows, Predicate<Map<String, Double>> holds) {
    }

    /** A finding's verdict on one pair of tables, with the accuracies it looked at (or the rows it still needs). */
    public record Check(Finding finding, Status status, String detail) {
    }

    private static final String ARCFACE_30 = "arcface.scale10.margin30";
    private static final List<String> ANGULAR = List.of("arcface.scale10.margin20", ARCFACE_30);

    public static final List<Finding> ALL = List.of(
            new Finding("mnist.normface-scale1-converges-poorly", "mnist", "NormFace with scale 1 converges poorly: at least 5 points below scales 5, 10 and 20",
                    List.of("normface.scale1", "normface.scale5", "normface.scale10", "normface.scale20"),
                    a -> a.get("normface.scale1") <= Math.min(a.get("normface.scale5"),
                            Math.min(a.get("normface.scale10"), a.get("normface.scale20"))) - 0.05),
            new Finding("mnist.arcface30-beats-softmax", "mnist", "ArcFace with a 30-degree margin beats plain softmax",
                    List.of(ARCFACE_30, PLAIN),
                    a -> a.get(ARCFACE_30) > a.get(PLAIN)),
            new Finding("mnist.arcface30-is-best", "mnist", "ArcFace with a 30-degree margin is the best row (within 0.3 points of the best)",
                    null, a -> a.get(ARCFACE_30) >= a.values().stream().mapToDouble(Double::doubleValue).max().orElseThrow() - 0.003),
            new Finding("fashion_mnist.large-angular-margins-hurt", "fashion_mnist", "Large angular margins hurt: ArcFace 20 and 30 degrees at least 3 points below plain softmax",
                    List.of(ANGULAR.get(0), ANGULAR.get(1), PLAIN),
                    a -> ANGULAR.stream().allMatch(r -> a.get(r) <= a.get(PLAIN) - 0.03)),
            new Finding("mnist.ringloss1-hurts", "mnist", "Ring loss with weight 1 hurts: below plain softmax", List.of("ringloss.1", PLAIN),
                    a -> a.get("ringloss.1") < a.get(PLAIN)),
            new Finding("fashion_mnist.ringloss1-hurts", "fashion_mnist", "Ring loss with weight 1 hurts: below plain softmax", List.of("ringloss.1", PLAIN),
                    a -> a.get("ringloss.1") < a.get(PLAIN)));

    private ReferenceFindings() {
    }

    /** Checks every finding of the data sets given against their summary tables, keyed by data set name. */
    public static List<Check> check(Map<String, Table> summaries, ResultsSummary.Basis basis) {
        List<Check> checks = new ArrayList<>();
        for (Finding f : ALL) {
            Table t = summaries.get(f.dataset());
            if (t != null) {
                checks.add(check(f, t, basis));
            }
        }
        return checks;
    }

    static Check check(Finding f, Table summary, ResultsSummary.Basis basis) {
        Map<String, Double> finished = finishedRows(summary, f.dataset(), basis);
        List<String> needed = f.rows() != null ? f.rows() : allRows(summary, f.dataset());
        List<String> missing = needed.stream().filter(r -> !finished.containsKey(r)).toList();
        if (!missing.isEmpty()) {
            return new Check(f, Status.PENDING, "waiting for " + missing.size() + " row(s) to reach " + basis.minEpochs + " epochs: " + String.join(", ", missing));
        }
        Map<String, Double> used = new HashMap<>();
        needed.forEach(r -> used.put(r, finished.get(r)));
        String values = f.rows() == null ? "best row " + best(used) : needed.stream()
                .map(r -> String.format(Locale.ROOT, "%s %.4f", r, used.get(r))).collect(Collectors.joining(", "));
        return new Check(f, f.holds().test(used) ? Status.HOLDS : Status.FAILS, values);
    }

    private static String best(Map<String, Double> acc) {
        Map.Entry<String, Double> e = acc.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow();
        String bestRow = String.format(Locale.ROOT, "%s %.4f", e.getKey(), e.getValue());
        // When ArcFace 30 degrees is itself the best row, naming it twice says nothing more.
        return e.getKey().equals(ARCFACE_30) ? bestRow
                : bestRow + String.format(Locale.ROOT, ", %s %.4f", ARCFACE_30, acc.get(ARCFACE_30));
    }

    /** Our accuracy on the basis of each row that ran the basis's epochs, keyed by short name. */
    static Map<String, Double> finishedRows(Table t, String dataset, ResultsSummary.Basis basis) {
        Map<String, Double> rows = new HashMap<>();
        for (int i = 0; i < t.rowCount(); i++) {
            if (t.intColumn("epochs_run").getInt(i) >= basis.minEpochs && !t.doubleColumn(basis.column).isMissing(i)) {
                rows.put(ReferenceResults.shortName(t.stringColumn("experiment").get(i), dataset), t.doubleColumn(basis.column).getDouble(i));
            }
        }
        return rows;
    }

    private static List<String> allRows(Table t, String dataset) {
        return t.stringColumn("experiment").asList().stream().map(e -> ReferenceResults.shortName(e, dataset)).toList();
    }

    /**
     * Writes {@code findings.md}: each finding's status and the accuracies behind it, on the protocol
     * and on the first stage (two lists over {@link #ALL} in the same order).
     */
    public static Path write(List<Check> protocol, List<Check> firstStage, Path outDir) {
        Path md = outDir.resolve(FILE);
        AtomicFiles.writeString(md, markdown(protocol, firstStage));
        return md;
    }

    public static final String FILE = "findings.md";

    /** The text of {@value #FILE}. */
    static String markdown(List<Check> protocol, List<Check> firstStage) {
        StringBuilder sb = new StringBuilder("# The reference's headline findings, checked on our runs\n\n")
                .append("Each finding is checked on rows that ran all ").append(ResultsSummary.PROTOCOL_EPOCHS)
                .append(" epochs (until they all have, it is *pending*; `summarize --check` fails if such a finding ")
                .append("does not hold and `explanations.csv` does not say why), and, ")
                .append("for information, on every row's best within its first ").append(ResultsSummary.STAGE_EPOCHS)
                .append(" epochs (the grid's first stage; the thresholds are the 40-epoch reference's, so a finding may legitimately ")
                .append("differ there). Written by `summarize`.\n\n")
                .append("| data set | finding | ").append(ResultsSummary.PROTOCOL_EPOCHS).append(" epochs | our accuracies | first ")
                .append(ResultsSummary.STAGE_EPOCHS).append(" epochs | our accuracies |\n|---|---|---|---|---|---|\n");
        for (int i = 0; i < protocol.size(); i++) {
            Check c = protocol.get(i);
            Check early = firstStage.get(i);
            sb.append("| ").append(c.finding().dataset()).append(" | ").append(c.finding().claim()).append(" | ")
                    .append(c.status().name().toLowerCase(Locale.ROOT)).append(" | ").append(c.detail()).append(" | ")
                    .append(early.status().name().toLowerCase(Locale.ROOT)).append(" | ").append(early.detail()).append(" |\n");
        }
        return sb.toString();
    }
}
