package org.softmaxzoo.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.softmaxzoo.notebook.Notebook;
import org.softmaxzoo.report.ReferenceFindings.Check;
import tech.tablesaw.api.Table;

/**
 * The reference's headline findings on the committed results tables (figures/results): a finding
 * whose rows all finished must hold; one still waiting for rows is reported as skipped (aborted)
 * with the rows it waits for, never as passed.
 */
class ReferenceFindingsCommittedTest {
    static final Path RESULTS = Notebook.projectDir().resolve("figures").resolve("results");
    private static final Path RUNS = Notebook.projectDir().resolve("figures").resolve("runs");

    /** The committed results tables by data set (also read by the results-notes test). */
    static Map<String, Table> committed() {
        Map<String, Table> tables = new LinkedHashMap<>();
        for (String ds : List.of("mnist", "fashion_mnist")) {
            tables.put(ds, ResultsSummary.read(RESULTS.resolve(ds + "-results.csv")));
        }
        return tables;
    }

    @TestFactory
    Stream<DynamicTest> findingsHoldOnTheCommittedSummary() {
        return ReferenceFindings.check(committed(), ResultsSummary.Basis.PROTOCOL).stream().map(c -> DynamicTest.dynamicTest(
                c.finding().dataset() + ": " + c.finding().claim(), () -> verdict(c)));
    }

    private static void verdict(Check c) {
        switch (c.status()) {
            case HOLDS -> { }
            case FAILS -> fail("finding does not hold on our runs: " + c.detail());
            case PENDING -> Assumptions.abort(c.detail());
        }
    }

    /** The committed summary is the one the committed worklogs give (a stale table would test nothing). */
    @Test
    void committedSummaryMatchesTheCommittedWorklogs() {
        for (Map.Entry<String, Table> e : committed().entrySet()) {
            Table fresh = ResultsSummary.summarize(RUNS, e.getKey()).table();
            Table saved = e.getValue();
            assertEquals(fresh.rowCount(), saved.rowCount());
            for (int i = 0; i < fresh.rowCount(); i++) {
                String row = fresh.stringColumn("experiment").get(i);
                assertEquals(row, saved.stringColumn("experiment").get(i));
                assertEquals(fresh.intColumn("epochs_run").getInt(i), saved.intColumn("epochs_run").getInt(i),
                        row + ": epochs run differ; rerun `summarize` and commit figures/results");
                for (String column : List.of("our_best_acc", ResultsSummary.Basis.FIRST_STAGE.column)) {
                    boolean none = fresh.doubleColumn(column).isMissing(i);
                    assertEquals(none, saved.doubleColumn(column).isMissing(i), row + ": " + column);
                    assertTrue(none || fresh.doubleColumn(column).getDouble(i) == saved.doubleColumn(column).getDouble(i),
                            row + ": " + column + " differs; rerun `summarize` and commit figures/results");
                }
            }
        }
    }
}
