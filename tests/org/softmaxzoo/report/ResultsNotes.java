package org.softmaxzoo.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The two tables of the committed results notes (results/NOTES.md) that tests check against the
 * committed summary:
 * <ul>
 * <li>finished runs: {@code | <dataset> <short name> | <ref acc> @ <epoch> | <our acc> @ <epoch> | <difference> | <note> |};
 * <li>findings that do not reproduce: {@code | <dataset> | <claim> | <our accuracies> | <why> |}.
 * </ul>
 * A section heading or a row that appears twice fails the parse: it is a stale copy left by an edit.
 */
final class ResultsNotes {
    private static final Pattern RUN_ROW = Pattern.compile("^\\| (mnist|fashion_mnist) \\S+ \\|.*");
    private static final Pattern FINDING_ROW = Pattern.compile("^\\| (mnist|fashion_mnist) \\|.*");

    record RunRow(String reference, String ours, String difference, String note) {
    }

    record FindingRow(String accuracies, String why) {
    }

    /** Finished-run rows keyed by "dataset short-name". */
    final Map<String, RunRow> runs = new LinkedHashMap<>();
    /** Non-reproduced findings keyed by "dataset: claim". */
    final Map<String, FindingRow> findings = new LinkedHashMap<>();

    private ResultsNotes() {
    }

    static ResultsNotes committed() {
        try {
            return parse(Files.readAllLines(ReferenceFindingsCommittedTest.RESULTS.resolve("NOTES.md")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static ResultsNotes parse(List<String> lines) {
        ResultsNotes notes = new ResultsNotes();
        Set<String> headings = new HashSet<>();
        for (String line : lines) {
            if (line.startsWith("## ")) {
                assertTrue(headings.add(line), "NOTES.md has the section '" + line + "' twice");
            } else if (RUN_ROW.matcher(line).matches()) {
                String[] c = cells(line, 5);
                assertNull(notes.runs.put(c[0], new RunRow(c[1], c[2], c[3], c[4])), "NOTES.md lists " + c[0] + " twice");
            } else if (FINDING_ROW.matcher(line).matches()) {
                String[] c = cells(line, 4);
                String key = findingKey(c[0], c[1]);
                assertNull(notes.findings.put(key, new FindingRow(c[2], c[3])), "NOTES.md lists " + key + " twice");
            }
        }
        return notes;
    }

    static String findingKey(String dataset, String claim) {
        return dataset + ": " + claim;
    }

    private static String[] cells(String line, int expected) {
        String[] cells = line.substring(1, line.length() - 1).split("\\|", -1);
        assertEquals(expected, cells.length, "a row of this NOTES.md table needs " + expected + " cells: " + line);
        for (int i = 0; i < cells.length; i++) {
            cells[i] = cells[i].trim();
        }
        return cells;
    }
}
