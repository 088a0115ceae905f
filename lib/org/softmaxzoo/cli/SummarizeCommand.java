package org.softmaxzoo.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.softmaxzoo.eval.OpenSetBenchmark;
import org.softmaxzoo.report.Explanations;
import org.softmaxzoo.report.OpenSetReport;
import org.softmaxzoo.report.ReferenceAgreement;
import org.softmaxzoo.report.ReferenceFindings;
import org.softmaxzoo.report.ResultsCheck;
import org.softmaxzoo.report.SeedSpread;
import org.softmaxzoo.report.StabilityMap;
import org.softmaxzoo.report.TrainingFit;
import org.softmaxzoo.report.ResultsSummary;
import tech.tablesaw.api.Table;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "summarize", mixinStandardHelpOptions = true,
        description = "Compare the runs' worklogs with the reference tables: Markdown, CSV and a bar chart per data set, "
                + "the seed spread, the training fit and how far the reference agrees with ours (agreement.md, also refreshed in RESULTS.md), and check the reference's headline findings on the finished runs (findings.md).")
final class SummarizeCommand implements Callable<Integer> {
    @Option(names = "--runs", defaultValue = "results/runs", description = "Folder of run folders. Default: ${DEFAULT-VALUE}")
    Path runs;

    @Option(names = "--out", defaultValue = "results", description = "Where the tables go. Default: ${DEFAULT-VALUE}")
    Path out;

    @Option(names = "--figures", defaultValue = "figures/results", description = "Where the bar charts go. Default: ${DEFAULT-VALUE}")
    Path figures;

    @Option(names = "--check", description = "Write nothing: recompute everything from the worklogs and list where the committed "
            + "results disagree (a table, seed spread, training fit, findings.md, differences.md, agreement.md or RESULTS.md's copy of it missing or not what the worklogs give, a run more than a point from "
            + "the reference or a finding that does not hold without its line in explanations.csv); exit 1 if anything does")
    boolean check;

    private static final List<String> DATASETS = List.of("mnist", "fashion_mnist");

    @Override
    public Integer call() {
        if (check) {
            List<String> problems = ResultsCheck.problems(runs, out, DATASETS);
            problems.forEach(p -> System.out.println("check: " + p));
            System.out.println(problems.isEmpty() ? "check passed: the committed results are what the worklogs give, every gap "
                    + "over a point and every finding that does not hold is explained" : "check failed: " + problems.size() + " problem(s)");
            return problems.isEmpty() ? 0 : 1;
        }
        Map<String, Table> tables = new LinkedHashMap<>();
        int unreadable = 0;
        for (String dataset : DATASETS) {
            ResultsSummary.Summary s = ResultsSummary.summarize(runs, dataset);
            for (String problem : s.unreadable()) {
                System.err.println("error: " + problem + " (row left out)");
                unreadable++;
            }
            for (ResultsSummary.Comparison c : List.of(s.protocol(), s.firstStage())) {
                System.out.printf(Locale.ROOT, "%s, %s: %d of %d rows, Spearman %.3f, mean |difference| %.4f%n", dataset,
                        c.basis().label, c.rows(), s.table().rowCount(), c.spearman(), c.meanAbsoluteDifference());
            }
            System.out.println("wrote " + ResultsSummary.write(s, out, figures));
            System.out.println("wrote " + SeedSpread.write(runs, dataset, out));
            System.out.println("wrote " + TrainingFit.write(runs, dataset, out));
            tables.put(dataset, s.table());
        }
        List<ReferenceFindings.Check> protocol = ReferenceFindings.check(runs, tables, ResultsSummary.Basis.PROTOCOL);
        List<ReferenceFindings.Check> firstStage = ReferenceFindings.check(runs, tables, ResultsSummary.Basis.FIRST_STAGE);
        for (int i = 0; i < protocol.size(); i++) {
            ReferenceFindings.Check c = protocol.get(i);
            System.out.printf(Locale.ROOT, "%s (first %d epochs: %s) %s: %s%n", c.decisiveText(), ResultsSummary.STAGE_EPOCHS,
                    firstStage.get(i).decisiveText(), c.finding().dataset(), c.finding().claim());
        }
        System.out.println("wrote " + ReferenceFindings.write(protocol, firstStage, out));
        System.out.println("wrote " + Explanations.writeDifferences(tables, protocol, Explanations.read(out), out));
        ReferenceAgreement.write(tables, runs, out).forEach(p -> System.out.println("wrote " + p));
        for (String name : OpenSetReport.TABLES) {
            if (Files.isDirectory(runs.resolve(name))) {
                System.out.println("wrote " + OpenSetReport.writeTablesAndChart(OpenSetBenchmark.saved(runs.resolve(name)), out, figures, name));
            }
        }
        if (Files.isRegularFile(runs.resolve(StabilityMap.FOLDER).resolve(StabilityMap.SWEEP))) {
            System.out.println("wrote " + StabilityMap.write(runs.resolve(StabilityMap.FOLDER), out, figures));
        }
        if (unreadable > 0) {
            System.err.println("error: " + unreadable + " worklog(s) could not be read (listed above); their rows are left out");
            return 1;
        }
        return 0;
    }
}
