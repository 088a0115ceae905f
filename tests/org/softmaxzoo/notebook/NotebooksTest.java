package org.softmaxzoo.notebook;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every notebook is in the set that {@code notebooks/run-all.sh} executes (its name starts with a
 * digit) and is saved executed: every code cell has an execution count and no cell has an error output.
 */
class NotebooksTest {
    private static final Path DIR = Path.of("notebooks");

    private static List<Path> notebooks() throws IOException {
        try (Stream<Path> files = Files.list(DIR)) {
            return files.filter(p -> p.toString().endsWith(".ipynb")).sorted().toList();
        }
    }

    @Test
    void everyNotebookIsInTheExecutedSet() throws IOException {
        assertFalse(notebooks().isEmpty(), "no notebooks in " + DIR.toAbsolutePath());
        assertTrue(Files.readString(DIR.resolve("run-all.sh")).contains("[0-9]*.ipynb"), "run-all.sh executes [0-9]*.ipynb");
        for (Path nb : notebooks()) {
            assertTrue(Character.isDigit(nb.getFileName().toString().charAt(0)),
                    nb + " is not executed by run-all.sh: name it NN-topic.ipynb");
        }
    }

    @Test
    void everyNotebookIsSavedExecutedWithoutErrors() throws IOException {
        for (Path nb : notebooks()) {
            String json = Files.readString(nb);
            assertFalse(json.contains("\"output_type\": \"error\""), nb + " has a cell that failed");
            Matcher cell = Pattern.compile("\"cell_type\": \"code\",\\s*\"execution_count\": (null|\\d+)").matcher(json);
            int cells = 0;
            while (cell.find()) {
                cells++;
                assertFalse(cell.group(1).equals("null"), nb + " has a code cell that was never executed");
            }
            assertTrue(cells > 0, nb + " has no code cells");
        }
    }
}
