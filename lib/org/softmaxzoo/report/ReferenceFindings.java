package org.softmaxzoo.report;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.softmaxzoo.train.AtomicFiles;
import tech.tablesaw.api.Table;

/**
 * The reference write-up's headline findings, each a set of claims "row A - row B > margin" over our
 * best accuracies of a few rows of the results tables, checked on one {@link ResultsSummary.Basis}: the
 * rows that finished the {@value ResultsSummary#PROTOCOL_EPOCHS}-epoch protocol (what
 * {@code summarize --check} enforces), or every row's best within its first
 * {@value ResultsSummary#STAGE_EPOCHS} epochs (reported, not enforced: the thresholds are the 40-epoch
 * reference's).
 *
 * <p>Each finding gets two verdicts: over the seeds of its rows by {@link SeedRule} (holds, fails, not
 * distinguishable, or not decided while a row has one seed), and on the seed-1 runs alone, as a single
 * comparison without a margin of error ({@link Status}). The second decides what must be explained until
 * the first can ({@link Check#mustExplain}). A finding whose rows have not reached the basis's epochs is
 * {@link Status#PENDING}.
 *
 * <p>Rows are named by {@link ReferenceResults#shortName} (the plain softmax row: "softmax").
 * Margins are looser than the reference's gaps, because a 2-d run's best accuracy moves by several tenths of a point from seed to seed.
 */
public final class ReferenceFindings {
    private static final String PLAIN = ReferenceResults.PLAIN;

    /** The single-run verdict on the seed-1 runs. */
    public enum Status { HOLDS, FAILS, PENDING }

    /**
     * One claim of a finding: our accuracy of {@code higher} minus that of {@code lower} exceeds {@code margin}
     * (on single runs, or reaches it when {@code inclusive}: "at least 5 points").
     */
    public record Gap(String higher, String lower, double margin, boolean inclusive) {
        /** On single runs. Accuracies have four decimals: a difference equal to the margin up to rounding counts as equal. */
        boolean holdsOn(double higherAccuracy, double lowerAccuracy) {
            double d = higherAccuracy - lowerAccuracy - margin;
            return inclusive ? d >= -1e-9 : d > 1e-9;
        }

        /** "a - b - 0.05" or "a - b + 0.003". */
        String label() {
            return higher + " − " + lower + (margin == 0 ? "" : String.format(Locale.ROOT, " %s %s", margin > 0 ? "−" : "+",
                    new java.math.BigDecimal(Double.toString(Math.abs(margin))).stripTrailingZeros().toPlainString()));
        }
    }

    /**
     * A finding over our best accuracies of {@code rows} of one data set ({@code null}: every row of it), the
     * claims it makes given the rows it uses; {@code id} names it in {@code results/explanations.csv}.
     */
    public record Finding(String id, String dataset, String claim, List<String> rows, Function<List<String>, List<Gap>> gaps) {
    }

    /**
     * A finding's verdicts on one basis: {@code status} and {@code detail} on the seed-1 runs alone (the
     * accuracies, or the rows still needed); {@code rule} over the seeds (null while a row has no run on the
     * basis) and {@code ruleDetail}: each row's mean and seed count, each claim's difference and standard error.
     */
    public record Check(Finding finding, Status status, String detail, SeedRule.Verdict rule, String ruleDetail) {
        /** The rule's verdict, or "pending". */
        public String ruleText() {
            return rule == null ? "pending" : rule.text;
        }

        /**
         * Whether the finding does not hold on what decides it, so that {@code results/explanations.csv} must say
         * why: the rule when it decides (fails or not distinguishable), the seed-1 runs while it cannot.
         */
        public boolean mustExplain() {
            return rule == SeedRule.Verdict.FAILS || rule == SeedRule.Verdict.NOT_DISTINGUISHABLE
                    || rule == SeedRule.Verdict.ONE_SEED && status == Status.FAILS;
        }

        /** The verdict that decides: the rule's when it can, else the seed-1 runs' (say which). */
        public String decisiveText() {
            if (rule == null) {
                return "pending";
            }
            return rule == SeedRule.Verdict.ONE_SEED ? "seed 1 alone " + status.name().toLowerCase(Locale.ROOT) + " (" + rule.text + ")"
                    : "by the rule " + rule.text;
        }

        /** The numbers behind {@link #decisiveText}. */
        public String decisiveDetail() {
            return rule == SeedRule.Verdict.ONE_SEED ? detail : ruleDetail;
        }

        /** Whether the finding has not run on every row it needs. */
        public boolean pending() {
            return rule == null || rule == SeedRule.Verdict.ONE_SEED && status == Status.PENDING;
        }
    }

    private static final String ARCFACE_30 = "arcface.scale10.margin30";
    private static final List<String> ANGULAR = List.of("arcface.scale10.margin20", ARCFACE_30);
    private static final List<String> NORMFACE = List.of("normface.scale5", "normface.scale10", "normface.scale20");

    public static final List<Finding> ALL = List.of(
            new Finding("mnist.normface-scale1-converges-poorly", "mnist", "NormFace with scale 1 converges poorly: at least 5 points below scales 5, 10 and 20",
                    List.of("normface.scale1", "normface.scale5", "normface.scale10", "normface.scale20"),
                    rows -> NORMFACE.stream().map(r -> new Gap(r, "normface.scale1", 0.05, true)).toList()),
            new Finding("mnist.arcface30-beats-softmax", "mnist", "ArcFace with a 30-degree margin beats plain softmax",
                    List.of(ARCFACE_30, PLAIN), rows -> List.of(new Gap(ARCFACE_30, PLAIN, 0, false))),
            new Finding("mnist.arcface30-is-best", "mnist", "ArcFace with a 30-degree margin is the best row (within 0.3 points of the best)",
                    null, rows -> rows.stream().filter(r -> !r.equals(ARCFACE_30)).map(r -> new Gap(ARCFACE_30, r, -0.003, true)).toList()),
            new Finding("fashion_mnist.large-angular-margins-hurt", "fashion_mnist", "Large angular margins hurt: ArcFace 20 and 30 degrees at least 3 points below plain softmax",
                    List.of(ANGULAR.get(0), ANGULAR.get(1), PLAIN),
                    rows -> ANGULAR.stream().map(r -> new Gap(PLAIN, r, 0.03, true)).toList()),
            new Finding("mnist.ringloss1-hurts", "mnist", "Ring loss with weight 1 hurts: below plain softmax", List.of("ringloss.1", PLAIN),
                    rows -> List.of(new Gap(PLAIN, "ringloss.1", 0, false))),
            new Finding("fashion_mnist.ringloss1-hurts", "fashion_mnist", "Ring loss with weight 1 hurts: below plain softmax", List.of("ringloss.1", PLAIN),
                    rows -> List.of(new Gap(PLAIN, "ringloss.1", 0, false))));

    private ReferenceFindings() {
    }

    /**
     * Checks every finding of the data sets given: on the seed-1 rows of their summary tables (keyed by data
     * set name) and over the seeds of their runs in {@code runsDir} ({@link SeedSpread}).
     */
    public static List<Check> check(Path runsDir, Map<String, Table> summaries, ResultsSummary.Basis basis) {
        Map<String, Map<String, Sample>> seeds = new HashMap<>();
        for (String dataset : summaries.keySet()) {
            Map<String, Sample> byRow = new HashMap<>();
            for (SeedSpread.Row r : SeedSpread.rows(runsDir, dataset, basis)) {
                if (r.n() > 0) {
                    byRow.put(ReferenceResults.shortName(r.experiment(), dataset), r.sample());
                }
            }
            seeds.put(dataset, byRow);
        }
        return check(summaries, seeds::get, basis);
    }

    /**
     * Checks on the summary tables alone, each row one seed (so the rule decides nothing): for callers that
     * have no runs folder. {@link #check(Path, Map, ResultsSummary.Basis)} is the check {@code summarize} writes.
     */
    public static List<Check> check(Map<String, Table> summaries, ResultsSummary.Basis basis) {
        return check(summaries, dataset -> {
            Map<String, Sample> one = new HashMap<>();
            finishedRows(summaries.get(dataset), dataset, basis).forEach((row, acc) -> one.put(row, Sample.of(acc)));
            return one;
        }, basis);
    }

    private static List<Check> check(Map<String, Table> summaries, Function<String, Map<String, Sample>> seeds, ResultsSummary.Basis basis) {
        List<Check> checks = new ArrayList<>();
        for (Finding f : ALL) {
            Table t = summaries.get(f.dataset());
            if (t != null) {
                checks.add(check(f, t, seeds.apply(f.dataset()), basis));
            }
        }
        return checks;
    }

    static Check check(Finding f, Table summary, Map<String, Sample> seeds, ResultsSummary.Basis basis) {
        List<String> needed = f.rows() != null ? f.rows() : allRows(summary, f.dataset());
        List<Gap> gaps = f.gaps().apply(needed);
        SeedRule.Verdict rule = null;
        String ruleDetail;
        List<String> noRun = needed.stream().filter(r -> !seeds.containsKey(r)).toList();
        if (!noRun.isEmpty()) {
            ruleDetail = waiting(noRun, basis);
        } else {
            Map<Gap, SeedRule.Difference> differences = new java.util.LinkedHashMap<>();
            gaps.forEach(g -> differences.put(g, SeedRule.compare(seeds.get(g.higher()), seeds.get(g.lower()), g.margin())));
            rule = SeedRule.all(differences.values().stream().map(SeedRule.Difference::verdict).toList());
            ruleDetail = ruleDetail(f, needed, seeds, differences);
        }
        Map<String, Double> finished = finishedRows(summary, f.dataset(), basis);
        List<String> missing = needed.stream().filter(r -> !finished.containsKey(r)).toList();
        if (!missing.isEmpty()) {
            return new Check(f, Status.PENDING, waiting(missing, basis), rule, ruleDetail);
        }
        boolean holds = gaps.stream().allMatch(g -> g.holdsOn(finished.get(g.higher()), finished.get(g.lower())));
        String values = f.rows() == null ? best(finished, needed) : needed.stream()
                .map(r -> String.format(Locale.ROOT, "%s %.4f", r, finished.get(r))).collect(Collectors.joining(", "));
        return new Check(f, holds ? Status.HOLDS : Status.FAILS, values, rule, ruleDetail);
    }

    private static String waiting(List<String> rows, ResultsSummary.Basis basis) {
        return "waiting for " + rows.size() + " row(s) to reach " + basis.minEpochs + " epochs: " + String.join(", ", rows);
    }

    /**
     * Each row's mean and seed count, then each claim's difference and standard error; a finding over every
     * row shows its own row, the claim with the smallest difference and how the claims came out.
     */
    private static String ruleDetail(Finding f, List<String> rows, Map<String, Sample> seeds, Map<Gap, SeedRule.Difference> differences) {
        if (f.rows() != null) {
            return rows.stream().map(r -> mean(r, seeds.get(r))).collect(Collectors.joining(", ")) + "; "
                    + differences.entrySet().stream().map(e -> e.getKey().label() + ": " + e.getValue().describe())
                    .collect(Collectors.joining("; "));
        }
        Map.Entry<Gap, SeedRule.Difference> closest = differences.entrySet().stream()
                .min(Comparator.comparingDouble(e -> e.getValue().difference())).orElseThrow();
        Map<SeedRule.Verdict, Long> counts = differences.values().stream()
                .collect(Collectors.groupingBy(SeedRule.Difference::verdict, () -> new java.util.EnumMap<>(SeedRule.Verdict.class),
                        Collectors.counting()));
        Gap g = closest.getKey();
        return mean(g.higher(), seeds.get(g.higher())) + "; closest: " + mean(g.lower(), seeds.get(g.lower())) + ", " + g.label()
                + ": " + closest.getValue().describe() + "; " + differences.size() + " rows compared: " + counts.entrySet().stream()
                .map(e -> e.getValue() + " " + e.getKey().text).collect(Collectors.joining(", "));
    }

    private static String mean(String row, Sample s) {
        return String.format(Locale.ROOT, "%s %.4f (n %d)", row, s.mean(), s.n());
    }

    /** The best row of those needed, and ArcFace 30 degrees when it is not the best. */
    private static String best(Map<String, Double> acc, List<String> rows) {
        // ArcFace 30 degrees first: on a tie it is the best row (max keeps the first of equals).
        String top = java.util.stream.Stream.concat(java.util.stream.Stream.of(ARCFACE_30), rows.stream().filter(r -> !r.equals(ARCFACE_30)))
                .max(Comparator.comparingDouble(acc::get)).orElseThrow();
        String bestRow = String.format(Locale.ROOT, "best row %s %.4f", top, acc.get(top));
        // When ArcFace 30 degrees is itself the best row, naming it twice says nothing more.
        return top.equals(ARCFACE_30) ? bestRow : bestRow + String.format(Locale.ROOT, ", %s %.4f", ARCFACE_30, acc.get(ARCFACE_30));
    }

    /** Our accuracy on the basis of each seed-1 row that ran the basis's epochs, keyed by short name. */
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
     * Writes {@code findings.md}: each finding's verdicts and the numbers behind them, on the protocol
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
                .append("Each finding is one or more claims \"row A − row B > margin\" over our best test accuracies (margin 0 for ")
                .append("\"beats\" and \"below\", 0.05 for \"at least 5 points below\", −0.003 for \"within 0.3 points of the best\"). ")
                .append("**The rule, over seeds:** for each claim d = mean(A) − mean(B) − margin and its Welch standard error ")
                .append("SE = √(s_A²/n_A + s_B²/n_B), s the seeds' sample standard deviation and n their count; the claim holds when ")
                .append("d > 2 SE, fails when d < −2 SE, and is not distinguishable otherwise. A finding holds when all its claims hold, ")
                .append("fails when one fails, and is not distinguishable otherwise; a row with one seed has no SE, so a finding that ")
                .append("needs it is *one seed, not decided by the rule*, and its single-run verdict on the seed-1 runs (column ")
                .append("\"seed 1 alone\", no margin of error) stands in. *Pending*: a row has not run the epochs yet. ")
                .append("`summarize --check` fails when a finding fails or is not distinguishable by the rule, or fails on seed 1 alone ")
                .append("while the rule cannot decide, and `explanations.csv` does not say why. Seeds: `<experiment>` is seed 1, ")
                .append("`<experiment>.seed<s>` seed s (`<data set>-seeds.md`). Written by `summarize`.\n");
        section(sb, "All " + ResultsSummary.PROTOCOL_EPOCHS + " epochs", protocol);
        section(sb, "Best within the first " + ResultsSummary.STAGE_EPOCHS + " epochs (for information: the grid's first stage; "
                + "the margins are the " + ResultsSummary.PROTOCOL_EPOCHS + "-epoch reference's, so a finding may legitimately differ here)",
                firstStage);
        return sb.toString();
    }

    private static void section(StringBuilder sb, String title, List<Check> checks) {
        sb.append("\n## ").append(title).append("\n\n")
                .append("| data set | finding | by the rule | means (n), differences and SE | seed 1 alone | seed-1 accuracies |\n")
                .append("|---|---|---|---|---|---|\n");
        for (Check c : checks) {
            sb.append("| ").append(c.finding().dataset()).append(" | ").append(c.finding().claim()).append(" | ").append(c.ruleText())
                    .append(" | ").append(c.ruleDetail()).append(" | ").append(c.status().name().toLowerCase(Locale.ROOT)).append(" | ")
                    .append(c.detail()).append(" |\n");
        }
    }
}
