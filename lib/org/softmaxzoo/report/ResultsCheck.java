package org.softmaxzoo.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.softmaxzoo.eval.OpenSetBenchmark;
import tech.tablesaw.api.Table;

/**
 * {@code summarize --check}: recomputes the tables and findings from the committed worklogs and lists
 * every way the committed results disagree with them: a table, {@code <data set>-seeds.md},
 * {@code <data set>-training-fit.md}, {@code findings.md}, {@code differences.md} or {@code agreement.md} (and its copy in
 * {@code RESULTS.md}, {@link ReferenceAgreement}) that is missing or not what the
 * worklogs give (drift: someone edited a worklog or forgot to rerun {@code summarize}), a finished run more than
 * {@value #EXPLAIN_ABOVE} from the reference without its explanation, a finding that does not hold without its explanation, an explanation
 * that no longer applies, a stability map's table ({@link StabilityMap}) or an open-set table ({@link OpenSetReport#TABLES}) that is not what its runs give.
 */
public final class ResultsCheck {
    /** A finished run further than this from the reference (accuracy, i.e. one point) must be explained. */
    public static final double EXPLAIN_ABOVE = 0.01;

    private ResultsCheck() {
    }

    /** Every problem found, one line each; empty when the committed results are consistent. */
    public static List<String> problems(Path runsDir, Path resultsDir, List<String> datasets) {
        List<String> problems = new ArrayList<>();
        Map<String, String> explanations = Explanations.read(resultsDir);
        Map<String, String> unused = new HashMap<>(explanations);
        Map<String, Table> fresh = new LinkedHashMap<>();
        for (String ds : datasets) {
            Table recomputed = ResultsSummary.summarize(runsDir, ds).table();
            fresh.put(ds, recomputed);
            Path csv = resultsDir.resolve(ds + "-results.csv");
            if (!Files.isRegularFile(csv)) {
                problems.add(csv + ": missing; run `summarize`");
            } else {
                compareTables(ds, recomputed, ResultsSummary.read(csv), problems);
            }
            requireRunExplanations(ds, recomputed, explanations, unused, problems);
            compareText(resultsDir.resolve(ds + SeedSpread.FILE_SUFFIX), SeedSpread.markdown(ds,
                    SeedSpread.rows(runsDir, ds, ResultsSummary.Basis.PROTOCOL), SeedSpread.rows(runsDir, ds,
                    ResultsSummary.Basis.FIRST_STAGE)), problems);
            compareText(resultsDir.resolve(ds + TrainingFit.FILE_SUFFIX), TrainingFit.markdown(TrainingFit.of(runsDir, ds)), problems);
        }
        List<ReferenceFindings.Check> protocol = ReferenceFindings.check(runsDir, fresh, ResultsSummary.Basis.PROTOCOL);
        for (ReferenceFindings.Check c : protocol) {
            String id = Explanations.FINDING + c.finding().id();
            boolean explained = explanations.containsKey(id);
            unused.remove(id);
            if (c.mustExplain() && !explained) {
                problems.add("finding " + c.finding().id() + " does not hold (" + c.decisiveText() + ": " + c.decisiveDetail()
                        + "): a regression, or explain it as " + id + " in " + Explanations.FILE);
            } else if (!c.mustExplain() && explained) {
                problems.add(Explanations.FILE + ": " + id + " explains a finding that " + (c.pending() ? "has not finished" : "holds")
                        + "; remove that line");
            }
        }
        unused.keySet().stream().sorted().forEach(id -> problems.add(Explanations.FILE + ": " + id + " names no result of "
                + datasets + "; remove that line or fix the id"));
        List<ReferenceFindings.Check> firstStage = ReferenceFindings.check(runsDir, fresh, ResultsSummary.Basis.FIRST_STAGE);
        compareText(resultsDir.resolve(ReferenceFindings.FILE), ReferenceFindings.markdown(protocol, firstStage), problems);
        compareText(resultsDir.resolve(Explanations.DIFFERENCES_FILE), Explanations.differences(fresh, protocol, explanations), problems);
        problems.addAll(ReferenceAgreement.problems(fresh, runsDir, resultsDir));
        for (String name : OpenSetReport.TABLES) {
            if (Files.isDirectory(runsDir.resolve(name))) {
                OpenSetReport.tableTexts(OpenSetBenchmark.saved(runsDir.resolve(name)), name)
                        .forEach((file, text) -> compareText(resultsDir.resolve(file), text, problems));
            }
        }
        Path stability = runsDir.resolve(StabilityMap.FOLDER);
        if (Files.isRegularFile(stability.resolve(StabilityMap.SWEEP))) {
            StabilityMap.texts(stability).forEach((file, text) -> compareText(resultsDir.resolve(file), text, problems));
        }
        return problems;
    }

    private static void compareTables(String ds, Table fresh, Table saved, List<String> problems) {
        if (fresh.rowCount() != saved.rowCount()) {
            problems.add(ds + ": the committed table has " + saved.rowCount() + " rows, the worklogs give " + fresh.rowCount()
                    + "; run `summarize` and commit results/");
            return;
        }
        for (int i = 0; i < fresh.rowCount(); i++) {
            String row = fresh.stringColumn("experiment").get(i);
            for (String column : List.of("epochs_run", "our_best_epoch", "our_best_acc", ResultsSummary.Basis.FIRST_STAGE.column)) {
                String now = cell(fresh, column, i);
                String committed = cell(saved, column, i);
                if (!now.equals(committed)) {
                    problems.add(ds + " " + row + ": " + column + " is " + committed + " in the committed table, the worklog gives "
                            + now + "; run `summarize` and commit results/ (or restore the worklog)");
                }
            }
        }
    }

    private static String cell(Table t, String column, int i) {
        return t.column(column).isMissing(i) ? "missing" : String.valueOf(t.column(column).get(i));
    }

    private static void requireRunExplanations(String ds, Table t, Map<String, String> explanations, Map<String, String> unused,
                                               List<String> problems) {
        for (int i = 0; i < t.rowCount(); i++) {
            String experiment = t.stringColumn("experiment").get(i);
            String id = Explanations.RUN + experiment;
            boolean finished = t.intColumn("epochs_run").getInt(i) >= ResultsSummary.PROTOCOL_EPOCHS;
            if (!explanations.containsKey(id)) {
                double difference = finished ? t.doubleColumn("difference").getDouble(i) : 0;
                if (Math.abs(difference) > EXPLAIN_ABOVE) {
                    problems.add(String.format(Locale.ROOT, "%s is %+.4f from the reference after %d epochs: explain it as %s in %s",
                            experiment, difference, ResultsSummary.PROTOCOL_EPOCHS, id, Explanations.FILE));
                }
                continue;
            }
            unused.remove(id);
            if (!finished) {
                problems.add(Explanations.FILE + ": " + id + " explains a run that has not finished "
                        + ResultsSummary.PROTOCOL_EPOCHS + " epochs; remove that line until it has");
            } else if (explanations.get(id).isBlank()) {
                problems.add(Explanations.FILE + ": " + id + " has an empty explanation");
            }
        }
    }

    /** Adds a problem when {@code file} is missing or its text is not {@code expected} (a generated file gone stale). */
    static void compareText(Path file, String expected, List<String> problems) {
        try {
            if (!Files.isRegularFile(file)) {
                problems.add(file + ": missing; run `summarize` and commit results/");
            } else if (!Files.readString(file).equals(expected)) {
                problems.add(file + " is not what the committed worklogs give; run `summarize` and commit results/");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }
}
