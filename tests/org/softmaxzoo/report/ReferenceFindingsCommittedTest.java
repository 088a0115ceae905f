package org.softmaxzoo.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.softmaxzoo.notebook.Notebook;
import org.softmaxzoo.report.ReferenceFindings.Check;
import tech.tablesaw.api.Table;

/**
 * The reference's headline findings on the committed results tables (results/): a finding
 * whose rows all finished must hold, or be listed in the results notes' table of findings that do not
 * reproduce, with the committed accuracies and a reason (so a head that breaks a finding, or a rerun that
 * moves the numbers of a listed one, still fails); one still waiting for rows is reported as skipped
 * (aborted) with the rows it waits for, never as passed.
 */
class ReferenceFindingsCommittedTest {
    static final Path RESULTS = Notebook.projectDir().resolve("results");
    private static final Path RUNS = Notebook.projectDir().resolve("results").resolve("runs");

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
        Map<String, ResultsNotes.FindingRow> notReproduced = ResultsNotes.committed().findings;
        return ReferenceFindings.check(committed(), ResultsSummary.Basis.PROTOCOL).stream().map(c -> {
            String key = ResultsNotes.findingKey(c.finding().dataset(), c.finding().claim());
            return DynamicTest.dynamicTest(key, () -> verdict(c, notReproduced.get(key)));
        });
    }

    @Test
    void everyFindingListedAsNotReproducedIsAFinding() {
        Set<String> known = ReferenceFindings.ALL.stream()
                .map(f -> ResultsNotes.findingKey(f.dataset(), f.claim())).collect(Collectors.toSet());
        Set<String> listed = new HashSet<>(ResultsNotes.committed().findings.keySet());
        listed.removeAll(known);
        assertTrue(listed.isEmpty(), "NOTES.md lists findings that ReferenceFindings does not have: " + listed);
    }

    /** {@code explained}: the finding's row in the notes' table of findings that do not reproduce, if any. */
    private static void verdict(Check c, ResultsNotes.FindingRow explained) {
        switch (c.status()) {
            case HOLDS -> assertNull(explained, "the finding holds now: remove it from NOTES.md's findings that do not reproduce");
            case FAILS -> {
                assertNotNull(explained, "finding does not hold on our runs: " + c.detail()
                        + " (a regression, or explain it in NOTES.md's findings that do not reproduce)");
                assertEquals(c.detail(), explained.accuracies(), "NOTES.md quotes stale accuracies for this finding");
                assertFalse(explained.why().isBlank(), "NOTES.md gives no reason why this finding does not reproduce");
            }
            case PENDING -> {
                assertNull(explained, "NOTES.md says this finding does not reproduce, but its rows have not finished");
                Assumptions.abort(c.detail());
            }
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
                        row + ": epochs run differ; rerun `summarize` and commit results/");
                for (String column : List.of("our_best_acc", ResultsSummary.Basis.FIRST_STAGE.column)) {
                    boolean none = fresh.doubleColumn(column).isMissing(i);
                    assertEquals(none, saved.doubleColumn(column).isMissing(i), row + ": " + column);
                    assertTrue(none || fresh.doubleColumn(column).getDouble(i) == saved.doubleColumn(column).getDouble(i),
                            row + ": " + column + " differs; rerun `summarize` and commit results/");
                }
            }
        }
    }
}
