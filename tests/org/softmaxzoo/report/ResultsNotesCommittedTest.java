package org.softmaxzoo.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.Table;

/**
 * The results notes (results/NOTES.md) against the committed summary: every run that finished
 * the 40-epoch protocol more than one point (0.01) from the reference has its one-line explanation in the
 * notes' table of finished runs, and every number quoted there is the committed one (a stale note fails).
 * Row format: {@link ResultsNotes}.
 */
class ResultsNotesCommittedTest {
    private static final double EXPLAIN_ABOVE = 0.01;

    @Test
    void everyFinishedGapOverOnePointIsExplainedWithTheCommittedNumbers() {
        Map<String, ResultsNotes.RunRow> notes = ResultsNotes.committed().runs;
        int finishedRows = 0;
        for (Map.Entry<String, Table> committed : ReferenceFindingsCommittedTest.committed().entrySet()) {
            String ds = committed.getKey();
            Table t = committed.getValue();
            for (int i = 0; i < t.rowCount(); i++) {
                String name = ds + " " + ReferenceResults.shortName(t.stringColumn("experiment").get(i), ds);
                ResultsNotes.RunRow row = notes.remove(name);
                boolean finished = t.intColumn("epochs_run").getInt(i) >= ResultsSummary.PROTOCOL_EPOCHS;
                if (!finished) {
                    assertNull(row, name + " is quoted as finished in NOTES.md but has not run 40 epochs");
                    continue;
                }
                finishedRows++;
                double difference = t.doubleColumn("difference").getDouble(i);
                if (Math.abs(difference) > EXPLAIN_ABOVE) {
                    assertNotNull(row, name + " is " + signed(difference) + " from the reference: explain it in NOTES.md");
                    assertFalse(row.note().isBlank(), name + ": empty explanation in NOTES.md");
                }
                if (row != null) {
                    assertEquals(accAtEpoch(t, i, "ref_best_acc", "ref_best_epoch"), row.reference(), name + ": reference in NOTES.md");
                    assertEquals(accAtEpoch(t, i, "our_best_acc", "our_best_epoch"), row.ours(), name + ": ours in NOTES.md is stale");
                    assertEquals(signed(difference), row.difference(), name + ": difference in NOTES.md is stale");
                }
            }
        }
        assertTrue(notes.isEmpty(), "NOTES.md quotes rows that are not in the summary: " + notes.keySet());
        assertTrue(finishedRows > 0, "no finished run in the committed summary: nothing was checked");
    }

    private static String accAtEpoch(Table t, int i, String acc, String epoch) {
        return String.format(Locale.ROOT, "%.4f @ %d", t.doubleColumn(acc).getDouble(i), t.intColumn(epoch).getInt(i));
    }

    private static String signed(double v) {
        return String.format(Locale.ROOT, "%+.4f", v);
    }
}
