package org.softmaxzoo.cli;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.softmaxzoo.report.ReferenceFindings;
import org.softmaxzoo.report.ResultsSummary;
import tech.tablesaw.api.Table;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "summarize", mixinStandardHelpOptions = true,
        description = "Compare the runs' worklogs with the reference tables: Markdown, CSV and a bar chart per data set, "
                + "and check the reference's headline findings on the finished runs (findings.md).")
final class SummarizeCommand implements Callable<Integer> {
    @Option(names = "--runs", defaultValue = "figures/runs", description = "Folder of run folders. Default: ${DEFAULT-VALUE}")
    Path runs;

    @Option(names = "--out", defaultValue = "figures/results", description = "Where the tables go. Default: ${DEFAULT-VALUE}")
    Path out;

    @Override
    public Integer call() {
        Map<String, Table> tables = new LinkedHashMap<>();
        for (String dataset : new String[] {"mnist", "fashion_mnist"}) {
            ResultsSummary.Summary s = ResultsSummary.summarize(runs, dataset);
            System.out.printf(Locale.ROOT, "%s: %d of %d runs finished and compared (%d in progress), Spearman %.3f, mean |difference| %.4f -> %s%n",
                    dataset, s.compared(), s.table().rowCount(), s.inProgress(), s.spearman(), s.meanAbsoluteDifference(), ResultsSummary.write(s, out));
            tables.put(dataset, s.table());
        }
        List<ReferenceFindings.Check> checks = ReferenceFindings.check(tables);
        checks.forEach(c -> System.out.printf(Locale.ROOT, "%-8s %s: %s (%s)%n", c.status(), c.finding().dataset(), c.finding().claim(), c.detail()));
        System.out.println("wrote " + ReferenceFindings.write(checks, out));
        return 0;
    }
}
